package io.ucmkit.features;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The same features against a real PBX with soft phones, run by {@code mvn verify} in addition to
 * the in-process run when {@code UCMKIT_REALPBX} names one (the {@code real-pbx} profile of this
 * module; {@code .ci/run} sets it where the reference Asterisk is available). Its reports go to
 * {@code target/real-pbx/}, so the in-process run's stay where they are.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("io.ucmkit.features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.ucmkit.features")
@ConfigurationParameter(
        key = PLUGIN_PROPERTY_NAME,
        value = "summary, html:target/real-pbx/cucumber-report.html, "
                + "json:target/real-pbx/cucumber.json, junit:target/real-pbx/cucumber-junit.xml")
public class RunFeaturesOnRealPbxIT {}
