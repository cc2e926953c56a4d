@wire
Feature: SIP presence
  A UCM user sets one of six presence statuses — Available, Away, Chat, Do Not Disturb, Custom
  (free text) or Unavailable — from the web portal, or an integration sets it over AMI with
  Setvar on PRESENCE_STATE(CustomPresence:<extension>). AMI reports it with PresenceState
  (AMI reference §5).

  Background:
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator

  @simulator-only
  Scenario Outline: A status set in the user portal is reported by PresenceState as "<state>"
    Given extension 1001 sets its presence to "<status>" in the user portal
    When the raw client sends:
      """
      Action: PresenceState
      ActionID: ps-1
      Provider: CustomPresence:1001
      """
    Then the PBX answers with presence state "<state>"

    Examples:
      | status      | state       |
      | available   | available   |
      | away        | away        |
      | chat        | chat        |
      | dnd         | dnd         |
      | unavailable | unavailable |

  @simulator-only
  Scenario: A custom status carries its text
    Given extension 1002 sets a custom presence "In a meeting" in the user portal
    When the raw client sends:
      """
      Action: PresenceState
      ActionID: ps-2
      Provider: CustomPresence:1002
      """
    Then the PBX answers with presence message "In a meeting"

  Scenario Outline: Presence "<state>" set over AMI with Setvar is read back
    When the raw client sends:
      """
      Action: Setvar
      ActionID: sv-1
      Variable: PRESENCE_STATE(CustomPresence:1003)
      Value: <state>,,<text>
      """
    Then the PBX answers:
      """
      Response: Success
      ActionID: sv-1
      Message: Variable Set
      """
    When the raw client sends:
      """
      Action: PresenceState
      ActionID: ps-3
      Provider: CustomPresence:1003
      """
    Then the PBX answers with presence state "<state>"

    Examples:
      | state       | text         |
      | available   | Back to work |
      | away        | Lunch        |
      | chat        | Chatty       |
      | dnd         | In a meeting |
      | unavailable | Gone home    |
