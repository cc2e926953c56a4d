@wire
Feature: Connection and login
  An integration connects to the UCM's AMI port (7777 on a UCM) and logs in with the username and
  password of an AMI user from "Value-added Features > AMI" (AMI reference §2). A wrong password
  or an address outside the user's permitted list is answered after a delay and the connection is
  closed; actions before login are refused but the connection stays open. A connection that does
  not log in within 30 seconds is closed, and at most 50 may wait at once. UCMs run Asterisk 13
  (Call Manager 2.10.6) to 20 (9.0.0); the driver logs in with an MD5 challenge (or plain, if
  configured) and never writes the password in its logs.

  Scenario: The PBX greets every client with a Call Manager banner
    Given a raw AMI connection to the PBX
    Then the PBX greets with a banner starting "Asterisk Call Manager/"

  Scenario: Plain login with the right password is accepted
    Given a raw AMI connection to the PBX
    When the raw client sends a plain login with the administrator's password and ActionID "login-1"
    Then the PBX answers:
      """
      Response: Success
      ActionID: login-1
      Message: Authentication accepted
      """

  Scenario: MD5 challenge login with the right key is accepted
    Given a raw AMI connection to the PBX
    When the raw client logs in with an MD5 challenge as the administrator
    Then the PBX answers:
      """
      Response: Success
      ActionID: md5-login
      Message: Authentication accepted
      """

  Scenario: A wrong password is refused and the connection is closed
    Given a raw AMI connection to the PBX
    When the raw client sends:
      """
      Action: Login
      ActionID: bad-1
      Username: amiadmin
      Secret: wrong-password
      """
    Then the PBX answers:
      """
      Response: Error
      ActionID: bad-1
      Message: Authentication failed
      """
    And the PBX closes the raw connection

  Scenario: A wrong MD5 key is refused and the connection is closed
    Given a raw AMI connection to the PBX
    When the raw client asks for an MD5 challenge and answers it with a wrong key
    Then the PBX answers:
      """
      Response: Error
      ActionID: md5-bad
      Message: Authentication failed
      """
    And the PBX closes the raw connection

  Scenario: An unknown user is refused like a wrong password
    Given a raw AMI connection to the PBX
    When the raw client sends:
      """
      Action: Login
      ActionID: who-1
      Username: nobody-here
      Secret: whatever1
      """
    Then the PBX answers:
      """
      Response: Error
      ActionID: who-1
      Message: Authentication failed
      """
    And the PBX closes the raw connection

  Scenario: Actions before login are refused and the connection stays open
    Given a raw AMI connection to the PBX
    When the raw client sends:
      """
      Action: Ping
      ActionID: early-1
      """
    Then the PBX answers:
      """
      Response: Error
      ActionID: early-1
      Message: Permission denied
      """
    And the raw connection is still open

  Scenario: A second login on the same connection is acknowledged
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator
    When the raw client sends a plain login with the administrator's password and ActionID "login-2"
    Then the PBX answers:
      """
      Response: Success
      ActionID: login-2
      Message: Already authenticated
      """

  Scenario: Logoff says goodbye and closes the connection
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator
    When the raw client sends:
      """
      Action: Logoff
      ActionID: bye-1
      """
    Then the PBX answers:
      """
      Response: Goodbye
      ActionID: bye-1
      Message: Thanks for all the fish.
      """
    And the PBX closes the raw connection

  @ucm-admin
  Scenario: A user whose permitted addresses exclude the client is refused
    Given the AMI user "amiadmin" may connect only from "10.9.9.9/255.255.255.255"
    And a raw AMI connection to the PBX
    When the raw client sends a plain login with the administrator's password and ActionID "acl-1"
    Then the PBX answers:
      """
      Response: Error
      ActionID: acl-1
      Message: Authentication failed
      """
    And the PBX closes the raw connection

  @restricted-user
  Scenario: A user without the originate privilege is refused Originate but may Ping
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the restricted user
    When the raw client sends:
      """
      Action: Originate
      ActionID: o-1
      Channel: PJSIP/1000
      Exten: 1001
      Context: from-internal
      Priority: 1
      """
    Then the PBX answers:
      """
      Response: Error
      ActionID: o-1
      Message: Permission denied
      """
    When the raw client sends:
      """
      Action: Ping
      ActionID: o-2
      """
    Then the PBX answers with ActionID "o-2"

  Scenario: Command answers with the CLI text as Output lines (Asterisk 14 and later)
    Given a raw AMI connection to the PBX
    And the raw client is logged in as the administrator
    When the raw client sends:
      """
      Action: Command
      ActionID: cmd-20
      Command: core show version
      """
    Then the PBX answers with the CLI text as Output lines, the first containing "Asterisk"

  @in-process
  Scenario: A UCM on Asterisk 13 greets as Call Manager 2.10.6 and answers Command with "Response: Follows"
    Given a PBX based on Asterisk 13 started for this scenario only
    And a raw AMI connection to the PBX
    Then the PBX greets with a banner starting "Asterisk Call Manager/2.10.6"
    When the raw client is logged in as the administrator
    And the raw client sends:
      """
      Action: Command
      ActionID: cmd-13
      Command: core show version
      """
    Then the PBX answers with the CLI text in Asterisk 13 style, containing "Asterisk 13"

  @in-process
  Scenario: The driver works with a UCM on Asterisk 13: Normal, and Call Phone reported Accepted
    Given a PBX based on Asterisk 13 started for this scenario only
    And the driver is connected to the PBX
    And the phone of extension 1001 answers by itself
    And the phone of extension 1003 answers by itself
    When the operator sends Call Phone from extension 1001 to extension 1003 with line 1 "Door 3" and line 2 "Alarm"
    Then the driver reports Call Status "Accepted" for extension 1001 with the Call Phone's call id
    And the driver reports Call Status "Accepted" for extension 1003 with the Call Phone's call id

  @in-process
  Scenario: A connection that does not log in within 30 seconds is closed without a word
    Given a PBX whose clock the scenario moves, started for this scenario only
    And a raw AMI connection to the PBX
    And the raw connection is still open
    When 29 seconds pass on the PBX
    Then the raw connection is still open
    When 1 seconds pass on the PBX
    Then the PBX closes the raw connection

  Scenario: Beyond 50 connections waiting to log in, the PBX drops a new one before the banner
    Given 50 raw AMI connections that have not logged in
    Then one more raw AMI connection is closed by the PBX without a banner

  Scenario Outline: The driver's debug log shows the <mode> login with its <header> masked, never the password
    Given the driver's configuration sets "loginMode" to "<mode>"
    And the driver is connected to the PBX
    Then the driver's debug log shows the Login action with "<header>: ********"
    And the driver's debug log shows a line with "password=********"
    And the driver's debug log never shows the AMI password

    Examples:
      | mode  | header |
      | MD5   | Key    |
      | PLAIN | Secret |
