package dev.composefix.rules;

import dev.composefix.model.Service;

/** Which services a "missing setting" rule may judge from one file alone. */
final class ResourceScope {

    private ResourceScope() {
    }

    /**
     * A service that is not a mapping is some other rule's business; a service that only overlays
     * (no image, build or extends) or extends another one may get the setting from elsewhere, so its
     * absence here proves nothing.
     */
    static boolean judgesMissing(Service service) {
        return service.body() != null && !service.isFragment() && !service.has("extends");
    }
}
