Feature: Extension state
  The UCM publishes each extension's state through its hint (exten => 1000,hint,PJSIP/1000):
  Idle, Ringing, InUse, InUse&Ringing, Busy, Unavailable or Hold. AMI reads it with
  ExtensionState and announces changes with ExtensionStatus (and the phone's device with
  DeviceStateChange); the driver reports each change as an ExtensionState event.

  @wire
  Scenario: An idle registered phone's extension is Idle
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator
    When the raw client sends:
      """
      Action: ExtensionState
      ActionID: es-1
      Exten: 1003
      Context: from-internal
      """
    Then the PBX answers:
      """
      Response: Success
      ActionID: es-1
      Message: Extension Status
      Exten: 1003
      Context: from-internal
      Hint: <any>
      Status: 0
      StatusText: Idle
      """

  @wire
  Scenario: An extension the PBX does not have is Unknown, and still a Success
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator
    When the raw client sends:
      """
      Action: ExtensionState
      ActionID: es-2
      Exten: 1099
      Context: from-internal
      """
    Then the PBX answers:
      """
      Response: Success
      ActionID: es-2
      Message: Extension Status
      Exten: 1099
      Context: from-internal
      Hint: 
      Status: -1
      StatusText: Unknown
      """

  @phones @wire
  Scenario: The extension of an unregistered phone is Unavailable
    Given the phone of extension 1008 is not registered
    And a raw AMI connection to the PBX
    And the raw client is logged in as the administrator
    When the raw client sends:
      """
      Action: ExtensionState
      ActionID: es-3
      Exten: 1008
      Context: from-internal
      """
    Then the PBX answers with extension state "Unavailable"

  @phones @wire
  Scenario: A ringing phone is announced with ExtensionStatus Ringing and DeviceStateChange RINGING
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator with events "call"
    And the phone of extension 1002 is answered by hand
    When extension 1000 dials "1002"
    Then the raw client receives a "ExtensionStatus" event with "StatusText" = "Ringing"
    And the raw client receives a "DeviceStateChange" event with "State" = "RINGING"

  @phones
  Scenario: The driver follows a call: Ringing, InUse, then Idle
    Given the driver is connected to the PBX
    And the phone of extension 1002 is answered by hand
    When extension 1000 dials "1002"
    Then the driver reports extension 1002 as "Ringing"
    When extension 1002 answers
    Then the driver reports extension 1002 as "InUse"
    And the driver reports extension 1000 as "InUse"
    When extension 1002 hangs up
    Then the driver reports extension 1002 as "Idle"
    And the driver reports extension 1000 as "Idle"

  @phones
  Scenario: A phone in a call that rings again is InUse&Ringing
    Given the driver is connected to the PBX
    And extension 1000 calls extension 1002 and it answers
    When extension 1003 dials "1002"
    Then the driver reports extension 1002 as "InUse&Ringing"

  @phones
  Scenario: A phone that goes offline is reported Unavailable
    Given the driver is connected to the PBX
    When the phone of extension 1008 is not registered
    Then the driver reports extension 1008 as "Unavailable"
