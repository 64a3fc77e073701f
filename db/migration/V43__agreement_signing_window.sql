-- AGR-07: a principal's decisions about an agreement not signed by its deadline. A revision is sent with a
-- fresh signing window counted from the decision day; "keep waiting" extends the version's signing (and its
-- family links) to the school day the principal named.
alter table agreement_version add column signing_window_from date;
alter table agreement_version add column signing_extended_until date;
