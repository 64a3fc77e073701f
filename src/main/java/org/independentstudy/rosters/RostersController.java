package org.independentstudy.rosters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.List;
import org.independentstudy.errors.ConflictException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Issue 12.6: an administrator imports the district's roster as the SIS exports it (OneRoster CSV zip). */
@RestController
@RequestMapping("/api/rosters")
class RostersController {

    private final RosterImports imports;

    RostersController(RosterImports imports) {
        this.imports = imports;
    }

    /**
     * Imports a OneRoster 1.1/1.2 CSV package and answers what it created, updated and left unchanged; a package with
     * errors is refused whole, each error naming its file and line.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    RosterImports.Summary importRoster(@RequestParam("file") MultipartFile file, Principal principal) {
        try {
            return imports.importPackage(file.getOriginalFilename(), file.getBytes(), principal.getName());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded roster", e);
        } catch (DataIntegrityViolationException e) {
            // two imports at the same moment both adding the same sourcedId: the later one is rolled back whole
            throw new ConflictException("Another roster import changed the same records at the same time; nothing "
                    + "of this one was saved, repeat it");
        }
    }

    /** The imports made, newest first. */
    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    List<RosterImports.PastImport> history() {
        return imports.history();
    }
}
