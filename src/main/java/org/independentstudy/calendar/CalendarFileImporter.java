package org.independentstudy.calendar;

import java.io.InputStream;

/** Reads one calendar file format into a {@link ParsedCalendar} (CAL-01). */
public interface CalendarFileImporter {

    /** Whether this importer reads the file, judged by its name's extension or else its content type. */
    boolean accepts(String fileName, String contentType);

    /** @param source the file name, named in every error message */
    ParsedCalendar parse(String source, InputStream content);
}
