"""Cities where diplomatic meetings happen, with their countries: every capital plus the other
cities that host summits, talks and conferences. Only names in this table (or written as
"City, Country") are taken as a meeting's city, so ordinary capitalised words never are."""

from __future__ import annotations

from functools import cache

from db.countries import fold

# ISO code: cities separated by "|"; aliases of one city are joined by "=" (first is displayed).
# A country's first city is its capital ("the Lao capital" is Vientiane).
_TABLE = """
AD: Andorra la Vella
AE: Abu Dhabi | Dubai | Sharjah
AF: Kabul | Kandahar | Herat
AG: St. John's
AL: Tirana
AM: Yerevan
AO: Luanda
AR: Buenos Aires | Córdoba | Rosario | Mendoza | Ushuaia
AT: Vienna | Salzburg | Innsbruck | Graz
AU: Canberra | Sydney | Melbourne | Perth | Brisbane | Adelaide
AZ: Baku | Ganja | Shusha | Gabala
BA: Sarajevo | Banja Luka | Mostar
BB: Bridgetown
BD: Dhaka | Chittagong
BE: Brussels | Antwerp | Ghent | Liège | Bruges
BF: Ouagadougou
BG: Sofia | Plovdiv | Varna
BH: Manama
BI: Gitega | Bujumbura
BJ: Porto-Novo | Cotonou
BN: Bandar Seri Begawan
BO: La Paz | Sucre | Santa Cruz
BR: Brasília=Brasilia | Rio de Janeiro | São Paulo=Sao Paulo | Belém=Belem | Salvador
BS: Nassau
BT: Thimphu
BW: Gaborone
BY: Minsk | Brest
BZ: Belmopan
CA: Ottawa | Toronto | Montreal | Vancouver | Quebec City | Kananaskis | Halifax | Charlevoix
CD: Kinshasa | Goma
CF: Bangui
CG: Brazzaville
CH: Bern | Geneva | Zurich | Davos | Lausanne | Montreux | Bürgenstock=Burgenstock | Lucerne
CI: Yamoussoukro | Abidjan
CL: Santiago=Santiago de Chile | Valparaíso=Valparaiso
CM: Yaoundé=Yaounde | Douala
CN: Beijing=Peking | Shanghai | Hangzhou | Xi'an=Xian | Guangzhou | Shenzhen | Tianjin | Xiamen
CN: Chengdu | Qingdao | Wuhan | Nanjing
CO: Bogotá=Bogota | Cartagena | Cali
CR: San José
CU: Havana
CV: Praia
CY: Nicosia | Limassol
CZ: Prague | Brno
DE: Berlin | Munich | Hamburg | Frankfurt | Bonn | Cologne | Dresden | Elmau | Ramstein
DE: Düsseldorf=Dusseldorf | Stuttgart | Leipzig
DJ: Djibouti City
DK: Copenhagen | Aarhus
DM: Roseau
DO: Santo Domingo
DZ: Algiers | Oran
EC: Quito | Guayaquil
EE: Tallinn | Tartu | Narva
EG: Cairo | Sharm el-Sheikh=Sharm El-Sheikh=Sharm el Sheikh | Alexandria | El-Alamein=El Alamein
EG: New Administrative Capital
ER: Asmara
ES: Madrid | Barcelona | Seville | Granada | Valencia | Malaga
ET: Addis Ababa
FI: Helsinki | Turku
FJ: Suva
FM: Palikir
FR: Paris | Strasbourg | Marseille | Lyon | Nice | Biarritz | Versailles | Bordeaux | Toulouse
GA: Libreville
GB: London | Edinburgh | Cardiff | Belfast | Manchester | Glasgow | Birmingham | Bletchley Park
GB: Chequers | Windsor | Cornwall | Liverpool
GD: St. George's
GE: Tbilisi | Batumi | Kutaisi
GH: Accra
GM: Banjul
GN: Conakry
GQ: Malabo
GR: Athens | Thessaloniki
GT: Guatemala City
GW: Bissau
GY: Georgetown
HN: Tegucigalpa
HR: Zagreb | Dubrovnik | Split
HT: Port-au-Prince
HU: Budapest
ID: Jakarta | Bali | Nusa Dua | Surabaya | Bandung | Denpasar
IE: Dublin | Cork
IL: Jerusalem | Tel Aviv | Haifa
IN: New Delhi=Delhi | Mumbai | Bengaluru=Bangalore | Chennai | Kolkata | Hyderabad | Goa | Ahmedabad
IQ: Baghdad | Erbil | Basra | Najaf
IR: Tehran | Isfahan | Mashhad | Tabriz
IS: Reykjavik=Reykjavík
IT: Rome | Milan | Naples | Venice | Florence | Bari | Turin | Taormina | Apulia | Genoa | Palermo
JM: Kingston
JO: Amman | Aqaba | Dead Sea
JP: Tokyo | Osaka | Kyoto | Hiroshima | Nagoya | Yokohama | Sapporo | Kobe | Fukuoka
KE: Nairobi | Mombasa
KG: Bishkek | Osh | Cholpon-Ata
KH: Phnom Penh | Siem Reap
KI: Tarawa
KM: Moroni
KN: Basseterre
KP: Pyongyang
KR: Seoul | Busan | Incheon | Gyeongju | Jeju
KW: Kuwait City
KZ: Astana=Nur-Sultan | Almaty | Shymkent
LA: Vientiane
LB: Beirut
LC: Castries
LI: Vaduz
LK: Colombo
LR: Monrovia
LS: Maseru
LT: Vilnius | Kaunas | Klaipeda
LU: Luxembourg=Luxembourg City
LV: Riga
LY: Tripoli | Benghazi | Misrata | Sirte
MA: Rabat | Casablanca | Marrakech=Marrakesh | Tangier
MC: Monaco
MD: Chisinau=Chișinău
ME: Podgorica | Budva | Tivat
MG: Antananarivo
MH: Majuro
MK: Skopje | Ohrid
ML: Bamako
MM: Naypyidaw=Nay Pyi Taw | Yangon
MN: Ulaanbaatar=Ulan Bator
MR: Nouakchott
MT: Valletta
MU: Port Louis
MV: Malé=Male
MW: Lilongwe
MX: Mexico City | Guadalajara | Monterrey | Cancún=Cancun
MY: Kuala Lumpur | Putrajaya | Penang
MZ: Maputo
NA: Windhoek
NE: Niamey
NG: Abuja | Lagos
NI: Managua
NL: Amsterdam | The Hague | Rotterdam
NO: Oslo | Bergen | Tromsø=Tromso
NP: Kathmandu
NR: Yaren
NZ: Wellington | Auckland
OM: Muscat
PA: Panama City
PE: Lima | Cusco
PG: Port Moresby
PH: Manila | Cebu | Davao
PK: Islamabad | Karachi | Lahore | Rawalpindi
PL: Warsaw | Krakow=Kraków | Gdansk=Gdańsk | Rzeszów=Rzeszow | Wroclaw | Poznan
PS: Ramallah | Gaza City | Bethlehem
PT: Lisbon | Porto | Sintra
PW: Ngerulmud
PY: Asunción=Asuncion
QA: Doha
RO: Bucharest | Cluj-Napoca | Constanta
RS: Belgrade | Novi Sad | Nis
RU: Moscow | St. Petersburg=Saint Petersburg=St Petersburg | Sochi | Kazan | Vladivostok
RU: Yekaterinburg | Novosibirsk | Kaliningrad
RW: Kigali
SA: Riyadh | Jeddah | Mecca | Medina | Dhahran | Neom | AlUla=Al-Ula
SB: Honiara
SC: Victoria
SD: Khartoum | Port Sudan | Omdurman
SE: Stockholm | Gothenburg | Malmö=Malmo | Uppsala
SG: Singapore
SI: Ljubljana | Bled | Brdo
SK: Bratislava | Kosice
SL: Freetown
SM: San Marino
SN: Dakar
SO: Mogadishu | Hargeisa
SR: Paramaribo
SS: Juba
ST: São Tomé=Sao Tome
SV: San Salvador
SY: Damascus | Aleppo | Idlib | Homs | Latakia | Raqqa | Deir ez-Zor | Qamishli
SZ: Mbabane
TD: N'Djamena
TG: Lomé=Lome
TH: Bangkok | Chiang Mai | Pattaya | Phuket
TJ: Dushanbe
TL: Dili
TM: Ashgabat=Ashkhabad
TN: Tunis
TO: Nuku'alofa
TR: Ankara | Istanbul | Antalya | Izmir=İzmir | Bursa | Gaziantep | Adana | Bodrum
TT: Port of Spain
TV: Funafuti
TW: Taipei
TZ: Dodoma | Dar es Salaam | Arusha | Zanzibar
UA: Kyiv=Kiev | Kharkiv | Odesa=Odessa | Lviv | Dnipro | Zaporizhzhia
UG: Kampala | Entebbe
US: Washington=Washington, D.C.=Washington DC=Washington D.C. | New York=New York City
US: Camp David | Los Angeles | San Francisco | Chicago | Boston | Miami | Palm Beach | Mar-a-Lago
US: Seattle | Houston | Atlanta | Honolulu | Anchorage | Philadelphia | Denver | Dallas
US: Annapolis | Woodside
UY: Montevideo | Punta del Este
UZ: Tashkent | Samarkand | Bukhara
VA: Vatican City
VC: Kingstown
VE: Caracas | Maracaibo
VN: Hanoi | Ho Chi Minh City | Da Nang | Haiphong
VU: Port Vila
WS: Apia
XK: Pristina=Prishtina | Prizren
YE: Sanaa=Sana'a | Aden
ZA: Pretoria | Cape Town | Johannesburg | Durban
ZM: Lusaka
ZW: Harare | Victoria Falls
"""


@cache
def cities() -> dict[str, tuple[str, str]]:
    """Folded city name or alias -> (display name, ISO country code)."""
    table: dict[str, tuple[str, str]] = {}
    for line in _TABLE.strip().splitlines():
        code, _, names = line.partition(":")
        for city in names.split("|"):
            aliases = [a.strip() for a in city.split("=")]
            for alias in aliases:
                table[fold(alias)] = (aliases[0], code.strip())
    return table


def city_names() -> list[str]:
    """Every written form of every city, longest first (for building one regex)."""
    names = set()
    for line in _TABLE.strip().splitlines():
        for city in line.partition(":")[2].split("|"):
            names.update(a.strip() for a in city.split("="))
    return sorted(names, key=len, reverse=True)


def find_city(name: str) -> tuple[str, str] | None:
    return cities().get(fold(name))


@cache
def capitals() -> dict[str, str]:
    """ISO country code -> its capital: the first city of the country's first line."""
    found: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        code, _, names = line.partition(":")
        found.setdefault(code.strip(), names.split("|")[0].split("=")[0].strip())
    return found
