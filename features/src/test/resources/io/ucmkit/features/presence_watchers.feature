@simulator-only
Feature: Presence on the watching phones' keys
  Phones watch colleagues' presence on their keys: VPK (virtual multi-purpose keys), MPK
  (multi-purpose keys) and the keys of an extension board (EXT). The LED follows the watched
  extension's status as in the tables of the Grandstream "SIP Presence Guide": on GXP21XX and
  GXP17XX a VPK is GREEN for Available, Away and Custom, RED for Chat and Do Not Disturb, OFF for
  Unavailable; an MPK is ON for Available, Away and Custom and OFF for Chat, Do Not Disturb and
  Unavailable. Which key types a model has decides what the UCM administrator may configure.
  The demo PBX: phone 1000 (GXP2170) has VPKs on 1001 and 1002, an MPK on 1003 and an extension
  board key on 1004; phone 1003 (GXP1780) a VPK on 1000 and an MPK on 1001; phone 1004
  (GXP1628) a VPK on 1000.

  Scenario Outline: A VPK watching a colleague who is <status> is <led>
    When extension 1001 sets its presence to "<status>" in the user portal
    Then the VPK key of phone 1000 watching extension 1001 is lit "<led>"

    Examples:
      | status         | led   |
      | Available      | GREEN |
      | Away           | GREEN |
      | Chat           | RED   |
      | Do Not Disturb | RED   |
      | Custom         | GREEN |
      | Unavailable    | OFF   |

  Scenario Outline: An MPK watching a colleague who is <status> is <led>
    When extension 1003 sets its presence to "<status>" in the user portal
    Then the MPK key of phone 1000 watching extension 1003 is lit "<led>"

    Examples:
      | status         | led |
      | Available      | ON  |
      | Away           | ON  |
      | Chat           | OFF |
      | Do Not Disturb | OFF |
      | Custom         | ON  |
      | Unavailable    | OFF |

  Scenario Outline: On a <model>, the <key> watching <watched> shows <status> as <led>
    Given phone <phone> is a <model>
    When extension <watched> sets its presence to "<status>" in the user portal
    Then the <key> key of phone <phone> watching extension <watched> is lit "<led>"

    Examples:
      | model   | phone | key | watched | status         | led   |
      | GXP1780 | 1003  | VPK | 1000    | Do Not Disturb | RED   |
      | GXP1780 | 1003  | VPK | 1000    | Away           | GREEN |
      | GXP1780 | 1003  | MPK | 1001    | Do Not Disturb | OFF   |
      | GXP1780 | 1003  | MPK | 1001    | Away           | ON    |
      | GXP1628 | 1004  | VPK | 1000    | Chat           | RED   |
      | GXP1628 | 1004  | VPK | 1000    | Unavailable    | OFF   |
      | GXP2170 | 1000  | EXT | 1004    | Chat           | RED   |
      | GXP2170 | 1000  | EXT | 1004    | Custom         | GREEN |

  Scenario: A key follows every change of the watched extension
    When extension 1002 sets its presence to "Do Not Disturb" in the user portal
    Then the VPK key of phone 1000 watching extension 1002 is lit "RED"
    When extension 1002 dials the presence feature code "*48" and presses "2"
    Then the VPK key of phone 1000 watching extension 1002 is lit "GREEN"

  Scenario Outline: A <model> cannot have <key> keys: the configuration is refused, naming the field
    When the UCM administrator loads this PBX configuration:
      """
      amiUsers:
        - {username: amiadmin, secret: amiadmin1, permit: ["127.0.0.1/255.255.255.255"], read: [all], write: [all]}
      extensions:
        - {number: "1000", name: "Front Desk", model: <model>, keys: [{type: <key>, monitors: "1001"}]}
        - {number: "1001", name: "Guard", model: GXP2170}
      """
    Then the configuration is refused because "extensions[0].keys[0].type = '<key>'; allowed: <allowed>"

    Examples:
      | model   | key | allowed                         |
      | GXP1628 | MPK | for model GXP1628: [VPK]        |
      | GXP1628 | EXT | for model GXP1628: [VPK]        |
      | GXP1760 | MPK | for model GXP1760: [VPK]        |
      | GXP1780 | EXT | for model GXP1780: [VPK, MPK]   |
      | GXP2135 | EXT | for model GXP2135: [VPK, MPK]   |
      | HT802   | VPK | none: model HT802 has no presence keys |

  Scenario: A GXP2170 may have all three key types
    When the UCM administrator loads this PBX configuration:
      """
      amiUsers:
        - {username: amiadmin, secret: amiadmin1, permit: ["127.0.0.1/255.255.255.255"], read: [all], write: [all]}
      extensions:
        - {number: "1000", name: "Front Desk", model: GXP2170, keys: [{type: VPK, monitors: "1001"}, {type: MPK, monitors: "1001"}, {type: EXT, monitors: "1001"}]}
        - {number: "1001", name: "Guard", model: GXP2140}
      """
    Then the configuration is accepted with 2 extensions
