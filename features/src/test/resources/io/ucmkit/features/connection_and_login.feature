@wire
Feature: Connection and login
  An integration connects to the UCM's AMI port (7777 on a UCM) and logs in with the username and
  password of an AMI user from "Value-added Features > AMI" (AMI reference §2). A wrong password
  or an address outside the user's permitted list is answered after a delay and the connection is
  closed; actions before login are refused but the connection stays open.

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

  @simulator-only
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

  @simulator-only
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
