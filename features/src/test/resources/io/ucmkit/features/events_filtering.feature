@wire
Feature: Which events a client receives
  AMI sends an event to a session only when the event's class is both readable by the AMI user
  (its read privileges) and wanted by the session (the Events header of Login, or the Events
  action later): "on", "off" or a list of classes such as "call,dtmf". Every event names its
  class in the Privilege header. Security events (failed logins) go to readers of "security".
  Events that a session's earlier actions caused are written before the answer to its next
  action, so a Ping is a reliable point to look back from.

  Scenario: With events off, a session receives answers only
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator with events "off"
    When the raw client sends:
      """
      Action: UserEvent
      ActionID: ue-1
      UserEvent: DoorForced
      Door: 3
      """
    Then the PBX answers with ActionID "ue-1"
    When the raw client pings the PBX
    Then the raw client has received no event at all

  Scenario: A UserEvent is delivered to a session that wants the "user" class
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator with events "user"
    When the raw client sends:
      """
      Action: UserEvent
      ActionID: ue-2
      UserEvent: DoorForced
      Door: 3
      """
    Then the raw client receives a "UserEvent" event with "UserEvent" = "DoorForced"
    And the raw client receives a "UserEvent" event with "Door" = "3"
    And the raw client receives a "UserEvent" event with "Privilege" = "user,all"

  Scenario: A session that wants only "call" events does not receive a UserEvent
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator with events "call"
    When the raw client sends:
      """
      Action: UserEvent
      ActionID: ue-3
      UserEvent: DoorForced
      """
    Then the PBX answers with ActionID "ue-3"
    When the raw client pings the PBX
    Then the raw client has received no "UserEvent" event

  Scenario: The Events action turns events off in the middle of a session
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator with events "on"
    When the raw client sends:
      """
      Action: Events
      ActionID: ev-1
      EventMask: off
      """
    Then the PBX answers:
      """
      Response: Success
      ActionID: ev-1
      Events: Off
      """
    When the raw client sends:
      """
      Action: UserEvent
      ActionID: ue-4
      UserEvent: DoorForced
      """
    Then the PBX answers with ActionID "ue-4"
    When the raw client pings the PBX
    Then the raw client has received no "UserEvent" event

  Scenario: A presence change is a "call" class event
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator with events "call"
    When the raw client sends:
      """
      Action: Setvar
      ActionID: sv-9
      Variable: PRESENCE_STATE(CustomPresence:1005)
      Value: dnd,,Night shift
      """
    Then the raw client receives a "PresenceStateChange" event with "Privilege" = "call,all"

  Scenario: A failed login elsewhere is reported to a "security" reader
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator with events "security"
    When another client logs in as the administrator with a wrong password
    Then the raw client receives a "InvalidPassword" event with "AccountID" = the administrator's user name

  @phones
  Scenario: Keys pressed on a phone reach a "dtmf" session, the call's other events do not
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator with events "dtmf"
    When extension 1000 dials "7000"
    And extension 1000 presses "4"
    And the raw client pings the PBX
    Then the raw client receives a "DTMFEnd" event with "Digit" = "4"
    And the raw client has received no "Newchannel" event

  @phones @restricted-user
  Scenario: A user who may read only "call" receives no DTMF, even with events on
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the restricted user with events "on"
    When extension 1000 dials "7000"
    And extension 1000 presses "4"
    And the raw client pings the PBX
    Then the raw client receives a "Newchannel" event
    And the raw client has received no "DTMFEnd" event
