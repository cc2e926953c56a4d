package io.ucmkit.simulator.config;

import java.util.List;

/**
 * The whole simulated PBX as a value: AMI users, extensions, IVRs, feature codes, channel tech,
 * dialplan context and emulated Asterisk version (docs/simulator.md §2).
 * Read one with {@link PbxConfigLoader}; {@link PbxConfigLoader#defaults()} is the demo PBX.
 */
public record PbxConfig(
        int asteriskVersion,
        String channelTech,
        String context,
        List<AmiUserConfig> amiUsers,
        List<ExtensionConfig> extensions,
        List<IvrConfig> ivrs,
        FeatureCodes featureCodes) {

    public PbxConfig {
        asteriskVersion = asteriskVersion == 0 ? 20 : asteriskVersion;
        channelTech = channelTech == null ? "PJSIP" : channelTech;
        context = context == null ? "from-internal" : context;
        amiUsers = amiUsers == null ? List.of() : List.copyOf(amiUsers);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        ivrs = ivrs == null ? List.of() : List.copyOf(ivrs);
        featureCodes = featureCodes == null ? FeatureCodes.DEFAULT : featureCodes;
    }

    /** A copy emulating another Asterisk version (20 or 13). */
    public PbxConfig withAsteriskVersion(int version) {
        return new PbxConfig(version, channelTech, context, amiUsers, extensions, ivrs, featureCodes);
    }

    /** A copy with one AMI user added or replaced (matched by username). */
    public PbxConfig withAmiUser(AmiUserConfig user) {
        List<AmiUserConfig> users = new java.util.ArrayList<>(amiUsers);
        users.removeIf(u -> u.username().equals(user.username()));
        users.add(user);
        return new PbxConfig(asteriskVersion, channelTech, context, users, extensions, ivrs, featureCodes);
    }
}
