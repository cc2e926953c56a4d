@phones
Feature: Call Status
  Call Status tells the security platform who took a call. Accepted is reported whenever an
  extension answers a call — any call the PBX reports, not only those the platform started.
  Declined is reported only for calls started by Call Phone (the platform has nothing to do with
  a call between two colleagues that nobody picked up), at most once per call. Each event
  names the extension; Call Phone's events carry its callId, other calls' events none.

  Scenario: A colleague answering an ordinary call is Accepted, without a call id
    Given the driver is connected to the PBX
    And the phone of extension 1002 is answered by hand
    When extension 1000 dials "1002"
    And extension 1002 answers
    Then extension 1000 is talking to extension 1002
    And the driver reports Call Status "Accepted" for extension 1002 without a call id

  Scenario: A phone that answers by itself is Accepted too
    Given the driver is connected to the PBX
    And the phone of extension 1001 answers by itself
    When extension 1003 dials "1001"
    Then the driver reports Call Status "Accepted" for extension 1001 without a call id

  Scenario: The caller of an ordinary call is not reported as Accepted: only the answering phone is
    Given the driver is connected to the PBX
    And the phone of extension 1002 is answered by hand
    When extension 1000 dials "1002"
    And extension 1002 answers
    And extension 1000 hangs up
    And the driver has seen extension 1000 become "Idle"
    Then the driver reported Call Status "Accepted" exactly once
    And the driver reports Call Status "Accepted" for extension 1002

  Scenario Outline: An ordinary call to a phone that <behaviour> is not Declined: only Call Phone's are
    Given the driver is connected to the PBX
    And the phone of extension <callee> <behaviour>
    When extension 1000 dials "<callee>"
    Then extension 1000 has no call
    When the driver has caught up with the PBX
    Then the driver reported no Call Status "Declined"

    Examples:
      | callee | behaviour          |
      | 1005   | rejects every call |
      | 1006   | is busy            |
      | 1009   | is not registered  |

  Scenario: A Call Phone call that both phones answer is Accepted twice and never Declined
    Given the driver is connected to the PBX
    And the phone of extension 1001 answers by itself
    And the phone of extension 1003 answers by itself
    When the operator sends Call Phone from extension 1001 to extension 1003 with line 1 "Door 3" and line 2 "Alarm"
    Then the driver reports Call Status "Accepted" for extension 1001 with the Call Phone's call id
    And the driver reports Call Status "Accepted" for extension 1003 with the Call Phone's call id
    When extension 1003 hangs up
    And the driver has seen extension 1001 become "Idle"
    Then the driver reported no Call Status "Declined"

  Scenario: A Call Phone call is Declined once, even though both its legs end
    Given the driver is connected to the PBX
    And the phone of extension 1001 answers by itself
    And the phone of extension 1006 is busy
    When the operator sends Call Phone from extension 1001 to extension 1006 with line 1 "Door 3" and line 2 "Alarm"
    Then the driver reports Call Status "Declined" for extension 1006 because "busy"
    When the driver has seen extension 1001 become "Idle"
    Then the driver reported Call Status "Declined" exactly once

  Scenario: Cancel drops the pending confirmations: a Call Phone declined afterwards is not reported
    Given the driver is connected to the PBX
    And the phone of extension 1000 is answered by hand
    When the operator sends Call Phone from extension 1000 to extension 1002 with line 1 "Door 3" and line 2 "Alarm"
    And phone 1000 rings
    And the operator sends the asset command Cancel
    And extension 1000 rejects the call
    And the driver has seen extension 1000 become "Idle"
    Then the driver reported no Call Status "Declined"
