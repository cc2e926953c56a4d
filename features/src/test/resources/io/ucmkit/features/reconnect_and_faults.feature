Feature: Reconnect and faults
  The System Asset tells the truth about the connection: a PBX that restarts, a network that
  goes down, or a keepalive Ping left unanswered make it No Communication, with the reason, and
  the driver reconnects by itself with growing pauses. When it is back, it re-reads extension
  states, presence and calls and reports what changed meanwhile. A command sent while the PBX
  is unreachable is refused at once with 503 and never sent later: a guard who retries does not
  make a phone ring twice. A PBX that announces Shutdown is Fault until the connection drops.

  @in-process
  Scenario: The PBX restarts: No Communication, then Normal again
    Given a PBX started for this scenario only
    And the driver is connected to the PBX
    When the PBX shuts down
    Then the System Asset is No Communication
    And the driver reported the true state going from Normal to No Communication
    When the PBX starts again on the same port
    Then the System Asset is Normal
    And the System Asset's reason mentions "connected to"

  # The same on a real PBX, restarted as its administrator does it (core restart now): it announces
  # Shutdown first, so the driver shows Fault until the connection drops
  @restarts-pbx
  Scenario: The PBX restarts, really: No Communication while it is down, then Normal again
    Given a PBX that the scenario may restart
    And the driver is connected to the PBX
    When the PBX restarts
    Then the driver reported the true state going to No Communication
    And the System Asset is Normal

  @in-process
  Scenario: A Call Phone refused while the PBX was down is not sent when it is back
    Given a PBX started for this scenario only
    And the driver is connected to the PBX
    When the PBX shuts down
    And the System Asset is No Communication
    And the operator sends Call Phone from extension 1000 to extension 1001 with line 1 "Door 3" and line 2 "Alarm"
    Then the command is refused with status 503 and a message mentioning "not connected to the PBX"
    When the PBX starts again on the same port
    Then the System Asset is Normal
    And the PBX received 0 Originates
    And extension 1000 has no call

  @ucm-admin
  Scenario: Saving an AMI user restarts the manager: Fault on Shutdown, No Communication, then Normal
    Given the driver is connected to the PBX
    When the UCM administrator saves the AMI user "amiadmin" unchanged
    Then the driver reported the true state going from Normal to Fault
    And the driver reported the true state going from Fault to No Communication
    And the System Asset is Normal

  Scenario: The network goes down: No Communication, then Normal when it is back
    Given the driver is connected to the PBX through a network link
    When the network between the driver and the PBX goes down
    Then the System Asset is No Communication
    And the System Asset's reason mentions "connection"
    When the network between the driver and the PBX is back
    Then the System Asset is Normal

  Scenario: A missed keepalive Pong is No Communication, even with the connection still open
    Given the driver sends a keepalive Ping every 200 ms and expects the Pong within 300 ms
    And the driver is connected to the PBX through a network link
    When the network between the driver and the PBX stalls
    Then the System Asset is No Communication
    And the System Asset's reason mentions "keepalive missed"
    When the network between the driver and the PBX is back
    Then the System Asset is Normal

  Scenario: A command while the PBX is unreachable is refused at once with 503
    Given the driver is connected to the PBX through a network link
    When the network between the driver and the PBX goes down
    And the System Asset is No Communication
    And the operator sends Barge from extension 1003 to extension 1002
    Then the command is refused with status 503 and a message mentioning "will not be retried"

  Scenario: A Call Phone refused during an outage is not sent when the network is back
    Given the driver is connected to the PBX through a network link
    When the network between the driver and the PBX goes down
    And the System Asset is No Communication
    And the operator sends Call Phone from extension 1000 to extension 1001 with line 1 "Door 3" and line 2 "Alarm"
    Then the command is refused with status 503 and a message mentioning "No Communication"
    When the network between the driver and the PBX is back
    Then the System Asset is Normal
    And the PBX received 0 Originates

  @phones
  Scenario: The connection drops in the middle of a call: the call goes on and its answer is reported once back
    Given the driver is connected to the PBX through a network link
    And the phone of extension 1001 answers by itself
    And the phone of extension 1002 is answered by hand
    When the operator sends Call Phone from extension 1001 to extension 1002 with line 1 "Door 3" and line 2 "Alarm"
    And phone 1002 rings
    And the network between the driver and the PBX goes down
    And the System Asset is No Communication
    And the network between the driver and the PBX is back
    And the System Asset is Normal
    And extension 1002 answers
    Then the driver reports Call Status "Accepted" for extension 1002
    And extension 1001 is talking to extension 1002
    And the PBX received 1 Originate

  Scenario: A presence change during an outage is reported when the driver is back
    Given the driver is connected to the PBX through a network link
    When the network between the driver and the PBX goes down
    And the System Asset is No Communication
    And extension 1006 sets its presence to "Do Not Disturb" in the user portal
    And the network between the driver and the PBX is back
    Then the driver reports the presence of extension 1006 as "Do Not Disturb"

  @phones
  Scenario: A phone that went offline during an outage is reported when the driver is back
    Given the driver is connected to the PBX through a network link
    When the network between the driver and the PBX goes down
    And the System Asset is No Communication
    And the phone of extension 1007 is not registered
    And the network between the driver and the PBX is back
    Then the driver reports extension 1007 as "Unavailable"

  Scenario: An acknowledged outage ends when the PBX is back: the asset shows Normal
    Given the driver is connected to the PBX through a network link
    When the network between the driver and the PBX goes down
    And the System Asset is No Communication
    And the operator sends the asset command Acknowledge
    Then the System Asset is Acknowledged
    When the network between the driver and the PBX is back
    Then the System Asset is Normal

  Scenario: A masked asset stays Masked through an outage, its true state moving underneath
    Given the driver is connected to the PBX through a network link
    And the operator sends the asset command Mask
    When the network between the driver and the PBX goes down
    Then the System Asset's true state is No Communication
    And the System Asset is Masked
    When the network between the driver and the PBX is back
    Then the System Asset's true state is Normal
    And the System Asset is Masked
