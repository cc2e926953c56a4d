package io.ucmkit.driver.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Manifest;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version and the commit the running jar was built from (its manifest). */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = "development build";
        String commit = "unknown";
        try (InputStream in = Version.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            if (in != null) {
                var main = new Manifest(in).getMainAttributes();
                version = main.getValue("Implementation-Version") != null
                        ? main.getValue("Implementation-Version")
                        : version;
                commit = main.getValue("Build-Commit") != null ? main.getValue("Build-Commit") : commit;
            }
        } catch (IOException e) {
            // no manifest to read: a development build
        }
        return new String[] {"ucmkit driver " + version + " (commit " + commit + ")"};
    }
}
