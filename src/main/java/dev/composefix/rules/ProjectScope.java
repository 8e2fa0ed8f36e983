package dev.composefix.rules;

import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;

/** Whether one file can be judged as a whole project: what it refers to must then be in it. */
final class ProjectScope {

    private ProjectScope() {
    }

    /**
     * A file that includes others ({@code include:}) or overlays another file's services (a service
     * with no image, build or extends) is only part of a project: a service, volume or network it
     * names may be defined in the other files.
     */
    static boolean standsAlone(ComposeFile file) {
        if (file.topLevel("include") != null) {
            return false;
        }
        for (Service s : file.services()) {
            if (s.body() != null && s.isFragment()) {
                return false;
            }
        }
        return true;
    }
}
