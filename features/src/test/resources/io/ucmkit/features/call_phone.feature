Feature: Call Phone
  The security platform calls a phone: the source extension rings first; when its user picks up,
  the PBX dials the destination, whose display shows line 1 and line 2 of the command as the
  caller's name and number. The command is POST /api/v1/commands/call-phone with
  sourceExtension, destinationExtension, line1Text and line2Text — all four required — answered
  202 with a callId. What happens next is reported by Call Status events carrying that callId:
  Accepted when a phone answers, Declined (rejected, busy, no-answer, unavailable) when the
  source or the destination does not take the call. The driver sends one Originate:
  Channel `PJSIP/<source>`, Context `from-internal`, Exten `<destination>`, Priority `1`,
  CallerID `"<line 1>" <<line 2>>`, Async `true`. Asterisk removes spaces, '-', '(' and ')' from the
  caller-ID number ("Door 3" shows as "Door3").

  Scenario Outline: Call Phone without <parameter> is refused, naming it
    Given the driver is connected to the PBX
    When the operator sends Call Phone with:
      | sourceExtension      | <source>      |
      | destinationExtension | <destination> |
      | line1Text            | <line 1>      |
      | line2Text            | <line 2>      |
    Then the command is refused with status 400 and a message mentioning "<parameter> is required"

    Examples:
      | parameter            | source    | destination | line 1    | line 2    |
      | sourceExtension      | (missing) | 1001        | Door 3    | Alarm     |
      | destinationExtension | 1000      | (missing)   | Door 3    | Alarm     |
      | line1Text            | 1000      | 1001        | (missing) | Alarm     |
      | line2Text            | 1000      | 1001        | Door 3    | (missing) |
      | line1Text            | 1000      | 1001        |           | Alarm     |
      | line2Text            | 1000      | 1001        | Door 3    |           |

  Scenario Outline: Call Phone with a malformed <parameter> is refused, naming it
    Given the driver is connected to the PBX
    When the operator sends Call Phone with:
      | sourceExtension      | <source>      |
      | destinationExtension | <destination> |
      | line1Text            | <line 1>      |
      | line2Text            | Alarm         |
    Then the command is refused with status 400 and a message mentioning "<message>"

    Examples:
      | parameter            | source | destination | line 1       | message                                           |
      | sourceExtension      | door-3 | 1001        | Door 3       | sourceExtension must be a numeric extension       |
      | destinationExtension | 1000   | 10 01       | Door 3       | destinationExtension must be a numeric extension  |
      | line1Text            | 1000   | 1001        | Door "3"     | line1Text must not contain line breaks or any of |

  Scenario: Call Phone to an extension the PBX does not have is refused with 404
    Given the driver is connected to the PBX
    When the operator sends Call Phone from extension 1000 to extension 1099 with line 1 "Door 3" and line 2 "Alarm"
    Then the command is refused with status 404 and a message mentioning "destinationExtension 1099"

  @phones
  Scenario: The driver sends one Originate exactly as the integration guide says
    Given the driver is connected to the PBX
    And the phone of extension 1000 is answered by hand
    When the operator sends Call Phone from extension 1000 to extension 1001 with line 1 "Door 3" and line 2 "Alarm"
    Then the command is accepted with a call id
    And the PBX received this Originate:
      | Channel  | PJSIP/1000       |
      | Context  | from-internal    |
      | Exten    | 1001             |
      | Priority | 1                |
      | CallerID | "Door 3" <Alarm> |
      | Async    | true             |

  @phones
  Scenario: The source rings first, then the destination; both answering is Call Status Accepted
    Given the driver is connected to the PBX
    And the phone of extension 1000 is answered by hand
    And the phone of extension 1002 is answered by hand
    When the operator sends Call Phone from extension 1000 to extension 1002 with line 1 "Door 3" and line 2 "Alarm"
    Then the command is accepted with a call id
    And phone 1000 rings
    And extension 1002 has no call
    When extension 1000 answers
    Then the driver reports Call Status "Accepted" for extension 1000 with the Call Phone's call id
    And phone 1002 rings
    When extension 1002 answers
    Then extension 1000 is talking to extension 1002
    And the driver reports Call Status "Accepted" for extension 1002 with the Call Phone's call id

  @phones
  Scenario Outline: The ringing phones show line 1 "<line 1>" and line 2 "<line 2>" as "<number shown>"
    Given the driver is connected to the PBX
    And the phone of extension 1000 is answered by hand
    And the phone of extension 1002 is answered by hand
    When the operator sends Call Phone from extension 1000 to extension 1002 with line 1 "<line 1>" and line 2 "<line 2>"
    Then phone 1000 rings showing "<line 1>" on line 1 and "<number shown>" on line 2
    When extension 1000 answers
    Then phone 1002 rings showing "<line 1>" on line 1 and "<number shown>" on line 2

    Examples:
      | line 1        | line 2         | number shown |
      | Door 3        | Alarm          | Alarm        |
      | Fire Alarm    | Zone 4         | Zone4        |
      | Intrusion     | (555) 123-4567 | 5551234567   |
      | Guard Station | 1000           | 1000         |

  # The phone of 1005 in the demo PBX rejects with 603 Decline (cause 21): "rejected". A phone that
  # rejects with 486 Busy Here, as most do, is "busy", the same as a busy phone (cause 17).
  @phones
  Scenario Outline: The <side> <behaviour>: Call Status Declined at <extension> because "<reason>"
    Given the driver is connected to the PBX
    And the phone of extension <source> <source behaviour>
    And the phone of extension <destination> <destination behaviour>
    When the operator sends Call Phone from extension <source> to extension <destination> with line 1 "Door 3" and line 2 "Alarm"
    Then the command is accepted with a call id
    And the driver reports Call Status "Declined" for extension <extension> because "<reason>"
    And no phone has a call

    Examples:
      | side        | behaviour          | source | source behaviour   | destination | destination behaviour | extension | reason      |
      | source      | is busy            | 1006   | is busy            | 1001        | answers by itself     | 1006      | busy        |
      | source      | is not registered  | 1009   | is not registered  | 1001        | answers by itself     | 1009      | unavailable |
      | destination | is busy            | 1001   | answers by itself  | 1006        | is busy               | 1006      | busy        |
      | destination | is not registered  | 1001   | answers by itself  | 1009        | is not registered     | 1009      | unavailable |
      | source      | rejects every call | 1004   | rejects every call | 1001        | answers by itself     | 1004      | busy        |
      | destination | rejects every call | 1001   | answers by itself  | 1004        | rejects every call    | 1004      | busy        |

    # 603 Decline needs a phone that sends it: baresip, the soft phone on a real PBX, always rejects with 486
    @simulator-only
    Examples:
      | side        | behaviour          | source | source behaviour   | destination | destination behaviour | extension | reason      |
      | source      | rejects every call | 1005   | rejects every call | 1001        | answers by itself     | 1005      | rejected    |
      | destination | rejects every call | 1001   | answers by itself  | 1005        | rejects every call    | 1005      | rejected    |

  # A phone's reject is a SIP answer: 486 Busy Here (what most phones send, and the recorded ones did)
  # becomes cause 17 on the PBX, the same as a busy phone, so the reason is "busy".
  @phones
  Scenario: The destination's user rejects the ringing call
    Given the driver is connected to the PBX
    And the phone of extension 1001 answers by itself
    And the phone of extension 1002 is answered by hand
    When the operator sends Call Phone from extension 1001 to extension 1002 with line 1 "Door 3" and line 2 "Alarm"
    And extension 1002 rejects the call
    Then the driver reports Call Status "Declined" for extension 1002 because "busy"
    And the driver reports Call Status "Accepted" for extension 1001 with the Call Phone's call id

  @phones
  Scenario: The source's user rejects the ringing call, and the destination never rings
    Given the driver is connected to the PBX
    And the phone of extension 1000 is answered by hand
    When the operator sends Call Phone from extension 1000 to extension 1002 with line 1 "Door 3" and line 2 "Alarm"
    And extension 1000 rejects the call
    Then the driver reports Call Status "Declined" for extension 1000 because "busy"
    And extension 1002 has no call
    When the driver has seen extension 1000 become "Idle"
    Then the driver reported Call Status "Declined" exactly once
    And the driver reported no Call Status "Accepted"

  # On a real PBX the 30 s pass in real time (the Originate's timeout); the simulator's clock is moved
  @phones
  Scenario: The source does not answer within the Originate's 30 seconds
    Given a PBX whose ring timeouts the scenario waits for
    And the driver is connected to the PBX
    And the phone of extension 1007 does not answer
    When the operator sends Call Phone from extension 1007 to extension 1001 with line 1 "Door 3" and line 2 "Alarm"
    Then phone 1007 rings
    When 30 seconds pass on the PBX
    Then the driver reports Call Status "Declined" for extension 1007 because "no-answer"
    And no phone has a call

  # On a real PBX the 60 s pass in real time (Dial's timeout on a UCM); the simulator's clock is moved
  @phones
  Scenario: The destination rings unanswered until the dial timeout
    Given a PBX whose ring timeouts the scenario waits for
    And the driver is connected to the PBX
    And the phone of extension 1000 is answered by hand
    And the phone of extension 1007 does not answer
    When the operator sends Call Phone from extension 1000 to extension 1007 with line 1 "Door 3" and line 2 "Alarm"
    And extension 1000 answers
    Then phone 1007 rings
    When 60 seconds pass on the PBX
    Then the driver reports Call Status "Declined" for extension 1007 because "no-answer"
    And no phone has a call

  @in-process
  Scenario: On an older UCM with SIP channels, the driver configured for SIP originates SIP/1001, not PJSIP/1001
    Given a PBX with SIP channels, as older UCMs have, started for this scenario only
    And the driver's configuration sets "channelTech" to "SIP"
    And the driver is connected to the PBX
    And the phone of extension 1001 answers by itself
    And the phone of extension 1003 answers by itself
    When the operator sends Call Phone from extension 1001 to extension 1003 with line 1 "Door 3" and line 2 "Alarm"
    Then the PBX received this Originate:
      | Channel | SIP/1001 |
      | Exten   | 1003     |
    And the driver reports Call Status "Accepted" for extension 1001 with the Call Phone's call id
    And the driver reports Call Status "Accepted" for extension 1003 with the Call Phone's call id
