"""Canonical actor and sub-event names that extraction tests expect, in one place (the names
come from src/eventscope/data/actors.json; a rename there is one edit here)."""

AIR = "Air/drone strike"
HAMAS = "Hamas Movement"
ISRAEL = "Military Forces of Israel (2022-)"
ISWAP = "Islamic State West Africa Province (ISWAP)"
JNIM = "JNIM: Group for Support of Islam and Muslims"
MALI = "Military Forces of Mali"
NIGERIA = "Military Forces of Nigeria (2023-)"
RSF = "Rapid Support Forces"
RUSSIA = "Military Forces of Russia (2000-)"
SUDAN = "Military Forces of Sudan (2019-)"
UKRAINE = "Military Forces of Ukraine (2019-)"
