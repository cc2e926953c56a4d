Feature: System Asset
  The driver keeps one System Asset for the PBX connection. Its true state comes from
  communication — Normal, Fault (connected, but something is wrong, such as a missing AMI
  privilege) or No Communication (not connected, login refused) — and an operator can lay Masked
  or Acknowledged over it. Commands: Mask, Acknowledge, Reset, Cancel, New Note, Workflow Trigger.

  Scenario: A refused login is No Communication, with the reason
    Given the driver connects to the PBX with the password "not-the-password"
    Then the System Asset is "No Communication"
    And the System Asset's reason mentions "Authentication failed"

  Scenario: Acknowledge of a No Communication alarm shows Acknowledged until Reset
    Given the driver connects to the PBX with the password "not-the-password"
    And the System Asset is "No Communication"
    When the operator sends the asset command "Acknowledge"
    Then the System Asset is "Acknowledged"
    And the asset is selected
    When the operator sends the asset command "Reset"
    Then the System Asset is "No Communication"

  Scenario: Mask hides the true state until Reset
    Given the driver connects to the PBX with the password "not-the-password"
    When the operator sends the asset command "Mask"
    Then the System Asset is "Masked"
    When the operator sends the asset command "Mask"
    Then the asset command is refused because "already Masked"
    When the operator sends the asset command "Reset"
    Then the System Asset is "No Communication"

  Scenario: Reset without an overlay does not apply
    Given the driver connects to the PBX with the password "not-the-password"
    When the operator sends the asset command "Reset"
    Then the asset command is refused because "true state already"

  Scenario: Cancel deselects the asset
    Given the driver connects to the PBX with the password "not-the-password"
    And the operator sends the asset command "Mask"
    When the operator sends the asset command "Cancel"
    Then the asset is not selected
    And the System Asset is "Masked"

  Scenario: A New Note is kept with its author and survives a driver restart
    Given the driver connects to the PBX with the password "not-the-password"
    When the operator adds the note "Door 3 checked by guard" as "J. Smith"
    Then the asset has the note "Door 3 checked by guard" by "J. Smith"
    When the driver restarts
    Then the asset has the note "Door 3 checked by guard" by "J. Smith"

  Scenario: Workflow Trigger raises an event with its name and parameters
    Given the driver connects to the PBX with the password "not-the-password"
    When the operator triggers the workflow "lockdown" with "zone" = "B2"
    Then a Workflow Trigger event "lockdown" is raised with "zone" = "B2"

  @simulator-only
  Scenario: An AMI user without the originate privilege is Fault, with the reason
    Given the driver is connected to the PBX as the restricted user
    Then the System Asset is "Fault"
    And the System Asset's reason mentions "originate"

  @simulator-only
  Scenario: Acknowledge of a Fault shows Acknowledged, Reset shows the Fault again
    Given the driver is connected to the PBX as the restricted user
    And the System Asset is "Fault"
    When the operator sends the asset command "Acknowledge"
    Then the System Asset is "Acknowledged"
    When the operator sends the asset command "Reset"
    Then the System Asset is "Fault"

  Scenario: The administrator's login makes the asset Normal, and Acknowledge needs an alarm
    Given the driver is connected to the PBX as the administrator
    Then the System Asset is "Normal"
    When the operator sends the asset command "Acknowledge"
    Then the asset command is refused because "no alarm"
