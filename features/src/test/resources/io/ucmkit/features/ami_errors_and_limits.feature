@wire
Feature: AMI errors and limits
  The UCM's Asterisk Manager Interface answers every malformed or forbidden request with an
  error the integrator can read, keeps the session open where Asterisk does, and enforces the
  same limits as Asterisk (AMI reference §1.2, §1.7). These scenarios talk to the PBX byte for
  byte and read its answer with the suite's own parser.

  Background:
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator

  Scenario: An unknown action is refused with the Asterisk error text
    When the raw client sends:
      """
      Action: NoSuchAction
      ActionID: u-1
      """
    Then the PBX answers:
      """
      Response: Error
      ActionID: u-1
      Message: Invalid/unknown command: NoSuchAction. Use Action: ListCommands to show available commands.
      """
    And the raw connection is still open

  Scenario: A request without an Action header is refused
    When the raw client sends:
      """
      ActionID: m-1
      """
    Then the PBX answers:
      """
      Response: Error
      ActionID: m-1
      Message: Missing action in request
      """

  Scenario: An empty Action header counts as a missing action
    When the raw client sends:
      """
      Action: 
      """
    Then the PBX answers:
      """
      Response: Error
      Message: Missing action in request
      """

  Scenario: A bare blank line is an empty request, so it must never be sent as a keep-alive
    When the raw client sends the bytes "\r\n"
    Then the PBX answers:
      """
      Response: Error
      Message: Missing action in request
      """

  Scenario: A line without a colon is ignored and the rest of the request is served
    When the raw client sends:
      """
      Action: Ping
      garbage without colon
      ActionID: g-1
      """
    Then the PBX answers:
      """
      Response: Success
      ActionID: g-1
      Ping: Pong
      Timestamp: <any>
      """

  Scenario: Lower-case names, no space after the colon and bare LF line ends are accepted
    When the raw client sends the bytes "action:ping\nactionid:lf-1\n\n"
    Then the PBX answers:
      """
      Response: Success
      ActionID: lf-1
      Ping: Pong
      Timestamp: <any>
      """

  Scenario: A line of 1022 characters is accepted
    When the raw client sends a Ping with ActionID "len-1022" and a header line of 1022 characters
    Then the PBX answers:
      """
      Response: Success
      ActionID: len-1022
      Ping: Pong
      Timestamp: <any>
      """

  Scenario: A line of 1023 characters is too long, and its leftover CRLF is an empty request
    When the raw client sends a Ping with ActionID "len-1023" and a header line of 1023 characters
    Then the PBX answers:
      """
      Response: Error
      ActionID: len-1023
      Message: Failed to parse message: line too long
      """
    And the PBX answers:
      """
      Response: Error
      Message: Missing action in request
      """
    And the raw connection is still open

  Scenario: A line of 2000 characters is too long and the session survives
    When the raw client sends a Ping with ActionID "len-2000" and a header line of 2000 characters
    Then the PBX answers:
      """
      Response: Error
      ActionID: len-2000
      Message: Failed to parse message: line too long
      """
    When the raw client sends:
      """
      Action: Ping
      ActionID: after-long
      """
    Then the PBX answers:
      """
      Response: Success
      ActionID: after-long
      Ping: Pong
      Timestamp: <any>
      """

  Scenario: More than 128 header lines are refused
    When the raw client sends a UserEvent with 130 header lines and ActionID "many-1"
    Then the PBX answers:
      """
      Response: Error
      ActionID: many-1
      Message: Too many lines in message or allocation failure
      """

  Scenario: Two actions written at once are answered in order
    When the raw client sends the bytes "Action: Ping\r\nActionID: p-1\r\n\r\nAction: Ping\r\nActionID: p-2\r\n\r\n"
    Then the PBX answers with ActionID "p-1"
    And the PBX answers with ActionID "p-2"

  Scenario: Ping answers Pong with a timestamp and no message
    When the raw client sends:
      """
      Action: Ping
      ActionID: ping-1
      """
    Then the PBX answers:
      """
      Response: Success
      ActionID: ping-1
      Ping: Pong
      Timestamp: <any>
      """
