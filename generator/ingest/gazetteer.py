"""Countries as news copy names them: by name, by the adjective of their people, by their capital.

Country names come from babel's CLDR data (the same names a reader sees on
the site); the adjectives and capitals are the ones wire copy uses, kept
here because no well-kept library lists them. "Kyiv said" and "Moscow's
orbit" are the state; "a visit to Kyiv" is a place.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from babel import Locale

# Short names copy uses that CLDR spells otherwise.
EXTRA_NAMES = {
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "America": "US",
    "the United States": "US",
    "UK": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "Turkey": "TR",
    "Czech Republic": "CZ",
    "Holland": "NL",
    "DR Congo": "CD",
    "Ivory Coast": "CI",
    "Burma": "MM",
    "the Netherlands": "NL",
    "Palestine": "PS",
    "Gaza": "PS",
}
DEMONYMS = {
    "Ukrainian": "UA",
    "Russian": "RU",
    "North Korean": "KP",
    "South Korean": "KR",
    "German": "DE",
    "French": "FR",
    "British": "GB",
    "American": "US",
    "Moldovan": "MD",
    "Belarusian": "BY",
    "Polish": "PL",
    "Japanese": "JP",
    "Chinese": "CN",
    "Iranian": "IR",
    "Israeli": "IL",
    "Palestinian": "PS",
    "Syrian": "SY",
    "Turkish": "TR",
    "Hungarian": "HU",
    "Romanian": "RO",
    "Georgian": "GE",
    "Armenian": "AM",
    "Azerbaijani": "AZ",
    "Kazakh": "KZ",
    "Indian": "IN",
    "Pakistani": "PK",
    "Swedish": "SE",
    "Finnish": "FI",
    "Norwegian": "NO",
    "Danish": "DK",
    "Dutch": "NL",
    "Belgian": "BE",
    "Italian": "IT",
    "Spanish": "ES",
    "Portuguese": "PT",
    "Greek": "GR",
    "Czech": "CZ",
    "Slovak": "SK",
    "Austrian": "AT",
    "Swiss": "CH",
    "Estonian": "EE",
    "Latvian": "LV",
    "Lithuanian": "LT",
    "Bulgarian": "BG",
    "Serbian": "RS",
    "Croatian": "HR",
    "Canadian": "CA",
    "Australian": "AU",
    "Brazilian": "BR",
    "Mexican": "MX",
    "Saudi": "SA",
    "Egyptian": "EG",
    "Iraqi": "IQ",
    "Lebanese": "LB",
    "Yemeni": "YE",
    "Afghan": "AF",
    "Taiwanese": "TW",
    "Vietnamese": "VN",
    "Venezuelan": "VE",
    "Cuban": "CU",
    "Irish": "IE",
    "Qatari": "QA",
    "Emirati": "AE",
    "Jordanian": "JO",
    "Nigerian": "NG",
    "South African": "ZA",
    "Kenyan": "KE",
    "Ethiopian": "ET",
    "Sudanese": "SD",
    "Libyan": "LY",
    "Slovenian": "SI",
    "Albanian": "AL",
    "Bosnian": "BA",
    "Montenegrin": "ME",
    "Kosovan": "XK",
    "Uzbek": "UZ",
    "Tajik": "TJ",
    "Kyrgyz": "KG",
    "Mongolian": "MN",
    "Indonesian": "ID",
    "Filipino": "PH",
    "Thai": "TH",
    "Malaysian": "MY",
    "Singaporean": "SG",
    "Argentine": "AR",
    "Argentinian": "AR",
    "Chilean": "CL",
    "Colombian": "CO",
    "Peruvian": "PE",
    "Kuwaiti": "KW",
    "Omani": "OM",
    "Bahraini": "BH",
    "Algerian": "DZ",
    "Moroccan": "MA",
    "Tunisian": "TN",
    "Somali": "SO",
}
CAPITALS = {
    "Kyiv": "UA",
    "Kiev": "UA",
    "Moscow": "RU",
    "Pyongyang": "KP",
    "Seoul": "KR",
    "Berlin": "DE",
    "Paris": "FR",
    "London": "GB",
    "Washington": "US",
    "Chisinau": "MD",
    "Minsk": "BY",
    "Warsaw": "PL",
    "Tokyo": "JP",
    "Beijing": "CN",
    "Tehran": "IR",
    "Jerusalem": "IL",
    "Damascus": "SY",
    "Ankara": "TR",
    "Budapest": "HU",
    "Bucharest": "RO",
    "Tbilisi": "GE",
    "Yerevan": "AM",
    "Baku": "AZ",
    "Astana": "KZ",
    "New Delhi": "IN",
    "Islamabad": "PK",
    "Stockholm": "SE",
    "Helsinki": "FI",
    "Oslo": "NO",
    "Copenhagen": "DK",
    "The Hague": "NL",
    "Amsterdam": "NL",
    "Brussels": "BE",
    "Rome": "IT",
    "Madrid": "ES",
    "Lisbon": "PT",
    "Athens": "GR",
    "Prague": "CZ",
    "Bratislava": "SK",
    "Vienna": "AT",
    "Bern": "CH",
    "Tallinn": "EE",
    "Riga": "LV",
    "Vilnius": "LT",
    "Sofia": "BG",
    "Belgrade": "RS",
    "Zagreb": "HR",
    "Ottawa": "CA",
    "Canberra": "AU",
    "Brasilia": "BR",
    "Mexico City": "MX",
    "Riyadh": "SA",
    "Cairo": "EG",
    "Baghdad": "IQ",
    "Beirut": "LB",
    "Kabul": "AF",
    "Taipei": "TW",
    "Hanoi": "VN",
    "Caracas": "VE",
    "Havana": "CU",
    "Dublin": "IE",
    "Doha": "QA",
    "Abu Dhabi": "AE",
    "Amman": "JO",
    "Khartoum": "SD",
    "Nairobi": "KE",
    "Addis Ababa": "ET",
    "Abuja": "NG",
    "Pretoria": "ZA",
    "Ljubljana": "SI",
    "Tirana": "AL",
    "Sarajevo": "BA",
    "Skopje": "MK",
    "Tashkent": "UZ",
    "Jakarta": "ID",
    "Manila": "PH",
    "Bangkok": "TH",
    "Buenos Aires": "AR",
}
# Family name first: "Mr Jeon" is Jeon Ha-kyou, "Kim" is Kim Jong Un.
FAMILY_NAME_FIRST = frozenset({"KP", "KR", "CN", "TW", "VN", "HU", "MN"})


def _country_names() -> dict[str, str]:
    """Country name → ISO code, from CLDR's English names and the short forms copy uses."""
    names = {
        name: code
        for code, name in Locale("en").territories.items()
        if len(code) == 2 and code.isalpha() and " - " not in name and "(" not in name
    }
    names.update(EXTRA_NAMES)
    return names


COUNTRY_NAMES: Mapping[str, str] = MappingProxyType(_country_names())


def country_names() -> Mapping[str, str]:
    return COUNTRY_NAMES


def country_name(code: str) -> str:
    """The English name of a country, for a proposed state actor."""
    return Locale("en").territories.get(code, code)
