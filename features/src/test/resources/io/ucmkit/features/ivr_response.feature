@phones
Feature: IVR Response
  A guard answers a prompt with the keypad: "press 1 to acknowledge, 2 to escalate". Every key
  (0-9, * and #) pressed by an extension while it is on a call with an IVR (numbers 7000-7100 on
  a UCM) or on a call started by Call Phone is reported as an IVR Response event with the
  extension and the digit. Keys pressed on any other call are the callers' own business and are
  not reported.

  Scenario Outline: Key <digit> pressed on a call with the IVR is reported
    Given the driver is connected to the PBX
    When extension 1000 dials "7000"
    And extension 1000 presses "<digit>"
    Then the driver reports the IVR Response "<digit>" from extension 1000

    Examples:
      | digit |
      | 0     |
      | 1     |
      | 2     |
      | 3     |
      | 4     |
      | 5     |
      | 6     |
      | 7     |
      | 8     |
      | 9     |
      | *     |
      | #     |

  Scenario: Several keys are reported one by one, in the order pressed
    Given the driver is connected to the PBX
    When extension 1004 dials "7000"
    And extension 1004 presses "2*5#"
    Then the driver reported the IVR Responses "2*5#" from extension 1004, in that order

  # Keys pressed on a call between two phones reach AMI only when the PBX handles them: a Dial with
  # DTMF features (a UCM's) keeps the call off Asterisk's native RTP bridge, which would pass them through unseen
  @dtmf-in-bridge
  Scenario: The destination of a Call Phone answers the prompt with a key
    Given the driver is connected to the PBX
    And the phone of extension 1001 answers by itself
    And the phone of extension 1002 is answered by hand
    When the operator sends Call Phone from extension 1001 to extension 1002 with line 1 "Intrusion" and line 2 "Zone 4"
    And extension 1002 answers
    And extension 1002 presses "1"
    Then the driver reports the IVR Response "1" from extension 1002 with the Call Phone's call id

  Scenario: Call Phone to the IVR itself: the source's keys are reported
    Given the driver is connected to the PBX
    And the phone of extension 1001 answers by itself
    When the operator sends Call Phone from extension 1001 to extension 7000 with line 1 "Fire Alarm" and line 2 "Zone 4"
    Then the command is accepted with a call id
    When extension 1001 presses "2"
    Then the driver reports the IVR Response "2" from extension 1001 with the Call Phone's call id

  Scenario: Keys pressed on an ordinary call between colleagues are not reported
    Given the driver is connected to the PBX
    When extension 1000 calls extension 1002 and it answers
    And extension 1000 presses "5"
    And extension 1002 presses "7"
    And extension 1000 hangs up
    And the driver has seen extension 1000 become "Idle"
    Then the driver reported no IVR Response
