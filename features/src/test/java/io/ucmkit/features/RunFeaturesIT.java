package io.ucmkit.features;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** Runs every feature under {@code io/ucmkit/features} through the JUnit Platform Suite engine. */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("io.ucmkit.features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.ucmkit.features")
@ConfigurationParameter(
        key = PLUGIN_PROPERTY_NAME,
        value = "summary, html:target/cucumber-report.html, "
                + "json:target/cucumber.json, message:target/cucumber.ndjson, junit:target/cucumber-junit.xml")
public class RunFeaturesIT {}
