// Choosing another class shows it at once. A file, not an inline handler: the page's policy allows scripts from
// this server only (SecurityConfiguration).
document.querySelector('select[name="class"]').addEventListener('change', event => event.target.form.submit());
