Feature: Barge
  A supervisor joins a call in progress from the security platform: Barge makes the source phone
  ring and, once answered, puts it into the destination's call, able to talk to both parties.
  The command is POST /api/v1/commands/barge with sourceExtension and destinationExtension; the
  driver sends Originate with Application ChanSpy and Data `PJSIP/<destination>-,qBE` (q: no beep,
  B: barge, E: leave when the call ends). A destination that is not in a call is refused with
  409. On the phones, the UCM feature codes *54 (listen), *55 (whisper) and *56 (barge) followed
  by an extension do the same.

  @phones
  Scenario: Barge into a call in progress
    Given the driver is connected to the PBX
    And extension 1000 calls extension 1002 and it answers
    And the phone of extension 1003 answers by itself
    When the operator sends Barge from extension 1003 to extension 1002
    Then the command is accepted
    And extension 1003 is in the call of extension 1002 in barge mode
    And the PBX received this Originate:
      | Channel     | PJSIP/1003       |
      | Application | ChanSpy          |
      | Data        | PJSIP/1002-,qBE  |
      | Async       | true             |

  @phones
  Scenario: The barging phone leaves when the call it joined ends
    Given the driver is connected to the PBX
    And extension 1000 calls extension 1002 and it answers
    And the phone of extension 1003 answers by itself
    And the operator sends Barge from extension 1003 to extension 1002
    And extension 1003 is in the call of extension 1002 in barge mode
    When extension 1002 hangs up
    Then extension 1003 has no call
    And no phone has a call

  Scenario: Barge into an extension that is not in a call is refused with 409
    Given the driver is connected to the PBX
    When the operator sends Barge from extension 1003 to extension 1002
    Then the command is refused with status 409 and a message mentioning "destination 1002 is not in a call"

  Scenario Outline: Barge without <parameter> is refused, naming it
    Given the driver is connected to the PBX
    When the operator sends Barge with:
      | sourceExtension      | <source>      |
      | destinationExtension | <destination> |
    Then the command is refused with status 400 and a message mentioning "<parameter> is required"

    Examples:
      | parameter            | source    | destination |
      | sourceExtension      | (missing) | 1002        |
      | destinationExtension | 1003      | (missing)   |

  Scenario: Barge from a phone into its own call is refused
    Given the driver is connected to the PBX
    When the operator sends Barge from extension 1002 to extension 1002
    Then the command is refused with status 400 and a message mentioning "must differ"

  Scenario: Barge from an extension the PBX does not have is refused with 404
    Given the driver is connected to the PBX
    When the operator sends Barge from extension 1099 to extension 1002
    Then the command is refused with status 404 and a message mentioning "sourceExtension 1099"

  @phones
  Scenario Outline: A supervisor dials <code> and the extension: <mode> mode
    Given the driver is connected to the PBX
    And extension 1000 calls extension 1002 and it answers
    When extension 1003 dials "<code>1002"
    Then extension 1003 is in the call of extension 1002 in <mode> mode

    Examples:
      | code | mode    |
      | *54  | listen  |
      | *55  | whisper |
      | *56  | barge   |
