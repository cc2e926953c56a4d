Feature: System Asset
  The driver keeps one System Asset for the PBX connection. Its true state comes from
  communication — Normal, Fault (connected, but something is wrong, such as a missing AMI
  privilege) or No Communication (not connected, login refused, configuration invalid) — and an
  operator can lay Masked or Acknowledged over it. Commands: Mask, Acknowledge, Reset, Cancel,
  New Note, Workflow Trigger. The operator's console reads the asset with GET /api/v1/asset and
  sends commands with POST /api/v1/asset/commands; a command that does not apply is answered 409.

  Scenario: The administrator's login makes the asset Normal, with the reason naming the PBX
    Given the driver is connected to the PBX
    Then the System Asset is Normal
    And the System Asset's reason mentions "connected to"
    And the driver reported the true state going from No Communication to Normal

  Scenario: A refused login is No Communication, with the reason
    Given the driver is started with the password "not-the-password"
    Then the System Asset is No Communication
    And the System Asset's reason mentions "Authentication failed"

  Scenario: A configuration without a password stops the driver at start, before it reaches the PBX
    When the driver is started without a password
    Then the driver does not start and says "password is missing"

  Scenario: Acknowledge of a No Communication alarm shows Acknowledged until Reset
    Given the driver is started with the password "not-the-password"
    And the System Asset is No Communication
    When the operator sends the asset command Acknowledge
    Then the asset command is accepted and the asset shows Acknowledged
    And the System Asset is Acknowledged
    And the System Asset's true state is No Communication
    And the asset is selected
    When the operator sends the asset command Reset
    Then the System Asset is No Communication

  Scenario: Acknowledge twice does not apply
    Given the driver is started with the password "not-the-password"
    And the System Asset is No Communication
    And the operator sends the asset command Acknowledge
    When the operator sends the asset command Acknowledge
    Then the command is refused with status 409 and a message mentioning "already Acknowledged"

  Scenario: Mask hides the true state until Reset
    Given the driver is started with the password "not-the-password"
    When the operator sends the asset command Mask
    Then the System Asset is Masked
    And the System Asset's true state is No Communication
    When the operator sends the asset command Mask
    Then the command is refused with status 409 and a message mentioning "already Masked"
    When the operator sends the asset command Reset
    Then the System Asset is No Communication

  Scenario: Mask hides a Normal asset too
    Given the driver is connected to the PBX
    When the operator sends the asset command Mask
    Then the System Asset is Masked
    And the System Asset's true state is Normal
    And the driver reported the System Asset going from Normal to Masked
    When the operator sends the asset command Reset
    Then the System Asset is Normal
    And the driver reported the System Asset going from Masked to Normal

  Scenario: Acknowledge of a masked alarm does not apply
    Given the driver is started with the password "not-the-password"
    And the operator sends the asset command Mask
    When the operator sends the asset command Acknowledge
    Then the command is refused with status 409 and a message mentioning "already Masked"

  Scenario: Reset without an overlay does not apply
    Given the driver is started with the password "not-the-password"
    When the operator sends the asset command Reset
    Then the command is refused with status 409 and a message mentioning "true state already"

  Scenario: Cancel deselects the asset and keeps its overlay
    Given the driver is started with the password "not-the-password"
    And the operator sends the asset command Mask
    And the asset is selected
    When the operator sends the asset command Cancel
    Then the asset command is accepted and the asset shows Masked
    And the asset is not selected

  Scenario: An unknown asset command is refused, naming the commands there are
    Given the driver is connected to the PBX
    When the operator sends the asset command "Silence"
    Then the command is refused with status 400 and a message mentioning "command must be one of Mask, Acknowledge, Reset, Cancel"

  Scenario: A New Note is kept with its author and survives a driver restart
    Given the driver is started with the password "not-the-password"
    When the operator adds the note "Door 3 checked by guard" as "J. Smith"
    Then the command is answered with status 201
    And the asset has the note "Door 3 checked by guard" by "J. Smith"
    And the asset is selected
    When the driver service restarts
    Then the asset has the note "Door 3 checked by guard" by "J. Smith"

  Scenario: A New Note without an author is refused, naming the field
    Given the driver is connected to the PBX
    When the operator sends a note "Door 3 checked" without an author
    Then the command is refused with status 400 and a message mentioning "author is required"

  Scenario: Workflow Trigger raises an event with its name and parameters
    Given the driver is started with the password "not-the-password"
    When the operator triggers the workflow "lockdown" with "zone" = "B2"
    Then the command is answered with status 202
    And a Workflow Trigger event "lockdown" is raised with "zone" = "B2"

  @restricted-user
  Scenario: An AMI user without the originate privilege is Fault, with the reason
    Given the driver is started as the restricted user
    Then the System Asset is Fault
    And the System Asset's reason mentions "originate"

  @restricted-user
  Scenario: Acknowledge of a Fault shows Acknowledged, Reset shows the Fault again
    Given the driver is started as the restricted user
    And the System Asset is Fault
    When the operator sends the asset command Acknowledge
    Then the System Asset is Acknowledged
    When the operator sends the asset command Reset
    Then the System Asset is Fault

  Scenario: Acknowledge needs an alarm
    Given the driver is connected to the PBX
    When the operator sends the asset command Acknowledge
    Then the command is refused with status 409 and a message mentioning "no alarm"

  Scenario: The health endpoint says whether the driver is connected and what the asset shows
    Given the driver is connected to the PBX
    Then the dataserver answers GET "/api/v1/health" with "connected" = "true"
    And the dataserver answers GET "/api/v1/health" with "state" = "Normal"

  Scenario: An integration that lost the event stream resumes it with Last-Event-ID
    Given the driver is connected to the PBX
    And the operator triggers the workflow "first" with "n" = "1"
    And the operator triggers the workflow "second" with "n" = "2"
    And a Workflow Trigger event "second" is raised with "n" = "2"
    When an integration reconnects to the event stream with the Last-Event-ID of the Workflow Trigger "first"
    Then the first event it receives is the Workflow Trigger "second"

  Scenario: Actions the PBX leaves unanswered, again and again, make the asset Fault
    Given the driver's configuration sets "actionTimeoutMs" to "300"
    And the driver is connected to the PBX through a network link
    When the network between the driver and the PBX stalls
    And the operator sends Barge from extension 1003 to extension 1002
    Then the command is refused with status 504 and a message mentioning "got no response within 300 ms"
    When the operator sends Barge from extension 1003 to extension 1002
    And the operator sends Barge from extension 1003 to extension 1002
    Then the System Asset is Fault
    And the System Asset's reason mentions "3 consecutive actions got no answer"
