package entities

// Gazetteer data: the world's countries with their common variants and
// demonyms, capitals and major cities, and regions. General geography, not
// knowledge of any particular story.

// countries: one a line, "Canonical;Variant;…|Demonym;…". Variants are
// alternative names of the same state; demonyms are adjectives and nouns of
// nationality, which are not mentions of the country.
const countries = `
Afghanistan|Afghan;Afghans
Albania|Albanian;Albanians
Algeria|Algerian;Algerians
Andorra|Andorran
Angola|Angolan;Angolans
Antigua and Barbuda|Antiguan
Argentina|Argentine;Argentinian;Argentines
Armenia|Armenian;Armenians
Australia|Australian;Australians
Austria|Austrian;Austrians
Azerbaijan|Azerbaijani;Azeri;Azerbaijanis
Bahamas;the Bahamas|Bahamian
Bahrain|Bahraini
Bangladesh|Bangladeshi
Barbados|Barbadian
Belarus|Belarusian;Belarusians;Belarussian
Belgium|Belgian;Belgians
Belize|Belizean
Benin|Beninese
Bhutan|Bhutanese
Bolivia|Bolivian
Bosnia and Herzegovina;Bosnia-Herzegovina;Bosnia|Bosnian;Bosnians
Botswana|Botswanan
Brazil|Brazilian;Brazilians
Brunei|Bruneian
Bulgaria|Bulgarian;Bulgarians
Burkina Faso|Burkinabe
Burundi|Burundian
Cambodia|Cambodian
Cameroon|Cameroonian
Canada|Canadian;Canadians
Cape Verde;Cabo Verde|Cape Verdean
Central African Republic|Central African
Chad|Chadian
Chile|Chilean;Chileans
China;People's Republic of China;PRC|Chinese
Colombia|Colombian;Colombians
Comoros|Comoran
Democratic Republic of the Congo;Democratic Republic of Congo;DR Congo;DRC|Congolese
Republic of the Congo;Congo-Brazzaville;Congo
Costa Rica|Costa Rican
Ivory Coast;Côte d'Ivoire;Cote d'Ivoire|Ivorian
Croatia|Croatian;Croatians;Croat;Croats
Cuba|Cuban;Cubans
Cyprus|Cypriot;Cypriots
Czech Republic;Czechia|Czech;Czechs
Denmark|Danish;Dane;Danes
Djibouti|Djiboutian
Dominica|Dominican
Dominican Republic|Dominicans
Ecuador|Ecuadorian
Egypt|Egyptian;Egyptians
El Salvador|Salvadoran
Equatorial Guinea|Equatoguinean
Eritrea|Eritrean
Estonia|Estonian;Estonians
Eswatini;Swaziland|Swazi
Ethiopia|Ethiopian;Ethiopians
Fiji|Fijian
Finland|Finnish;Finn;Finns
France|French;Frenchman;Frenchwoman
Gabon|Gabonese
Gambia;The Gambia|Gambian
Georgia|Georgian;Georgians
Germany|German;Germans
Ghana|Ghanaian
Greece|Greek;Greeks
Grenada|Grenadian
Guatemala|Guatemalan
Guinea|Guinean
Guinea-Bissau|Bissau-Guinean
Guyana|Guyanese
Haiti|Haitian;Haitians
Honduras|Honduran
Hungary|Hungarian;Hungarians
Iceland|Icelandic;Icelander
India|Indian;Indians
Indonesia|Indonesian;Indonesians
Iran;Islamic Republic of Iran|Iranian;Iranians;Persian
Iraq|Iraqi;Iraqis
Ireland;Republic of Ireland|Irish
Israel|Israeli;Israelis
Italy|Italian;Italians
Jamaica|Jamaican
Japan|Japanese
Jordan|Jordanian;Jordanians
Kazakhstan|Kazakh;Kazakhstani
Kenya|Kenyan;Kenyans
Kiribati
Kosovo|Kosovar;Kosovan
Kuwait|Kuwaiti
Kyrgyzstan|Kyrgyz
Laos|Lao;Laotian
Latvia|Latvian;Latvians
Lebanon|Lebanese
Lesotho|Basotho
Liberia|Liberian
Libya|Libyan;Libyans
Liechtenstein
Lithuania|Lithuanian;Lithuanians
Luxembourg|Luxembourgish;Luxembourger
Madagascar|Malagasy
Malawi|Malawian
Malaysia|Malaysian
Maldives|Maldivian
Mali|Malian
Malta|Maltese
Marshall Islands|Marshallese
Mauritania|Mauritanian
Mauritius|Mauritian
Mexico|Mexican;Mexicans
Micronesia|Micronesian
Moldova|Moldovan;Moldovans
Monaco|Monegasque
Mongolia|Mongolian
Montenegro|Montenegrin
Morocco|Moroccan;Moroccans
Mozambique|Mozambican
Myanmar;Burma|Burmese
Namibia|Namibian
Nauru|Nauruan
Nepal|Nepalese;Nepali
Netherlands;the Netherlands;Holland|Dutch
New Zealand|New Zealander
Nicaragua|Nicaraguan
Niger|Nigerien
Nigeria|Nigerian;Nigerians
North Korea;DPRK|North Korean;North Koreans
North Macedonia;Macedonia|Macedonian
Norway|Norwegian;Norwegians
Oman|Omani
Pakistan|Pakistani;Pakistanis
Palau|Palauan
Palestine;State of Palestine|Palestinian;Palestinians
Panama|Panamanian
Papua New Guinea|Papua New Guinean
Paraguay|Paraguayan
Peru|Peruvian
Philippines;the Philippines|Filipino;Philippine;Filipinos
Poland|Polish;Pole;Poles
Portugal|Portuguese
Qatar|Qatari;Qataris
Romania|Romanian;Romanians
Russia;Russian Federation|Russian;Russians
Rwanda|Rwandan
Saint Kitts and Nevis
Saint Lucia
Saint Vincent and the Grenadines
Samoa|Samoan
San Marino
Sao Tome and Principe;São Tomé and Príncipe
Saudi Arabia;Kingdom of Saudi Arabia|Saudi;Saudis
Senegal|Senegalese
Serbia|Serbian;Serbians;Serb;Serbs
Seychelles
Sierra Leone|Sierra Leonean
Singapore|Singaporean
Slovakia|Slovak;Slovakian
Slovenia|Slovenian;Slovene
Solomon Islands
Somalia|Somali;Somalis
South Africa|South African;South Africans
South Korea;Republic of Korea;Korea|South Korean;South Koreans;Korean;Koreans
South Sudan|South Sudanese
Spain|Spanish;Spaniard;Spaniards
Sri Lanka|Sri Lankan
Sudan|Sudanese
Suriname|Surinamese
Sweden|Swedish;Swede;Swedes
Switzerland|Swiss
Syria|Syrian;Syrians
Taiwan|Taiwanese
Tajikistan|Tajik
Tanzania|Tanzanian
Thailand|Thai
Timor-Leste;East Timor|Timorese
Togo|Togolese
Tonga|Tongan
Trinidad and Tobago|Trinidadian
Tunisia|Tunisian
Türkiye;Turkey;Turkiye;Republic of Türkiye|Turkish;Turk;Turks
Turkmenistan|Turkmen
Tuvalu
Uganda|Ugandan
Ukraine|Ukrainian;Ukrainians
United Arab Emirates;UAE;U.A.E.;Emirates|Emirati;Emiratis
United Kingdom;U.K.;UK;Britain;Great Britain|British;Briton;Britons;Brit
United States;U.S.;US;USA;U.S.A.;United States of America;America|American;Americans
Uruguay|Uruguayan
Uzbekistan|Uzbek
Vanuatu
Vatican City
Venezuela|Venezuelan;Venezuelans
Vietnam;Viet Nam|Vietnamese
Yemen|Yemeni;Yemenis
Zambia|Zambian
Zimbabwe|Zimbabwean
England|English
Scotland|Scottish;Scot;Scots
Wales|Welsh
Northern Ireland|Northern Irish
Soviet Union;USSR;U.S.S.R.
`

// otherDemonyms are adjectives of region, bloc or faith: never a person.
const otherDemonyms = `
European Europeans African Africans Asian Asians Arab Arabs Arabic Latin Kurdish Kurds Kurd
Crimean Baltic Nordic Scandinavian Soviet Jewish Muslim Muslims Christian Christians Catholic
Orthodox Western Eastern Northern Southern Central Transatlantic Atlantic Pacific Caribbean
Balkan Sunni Shia Shiite Hindu Buddhist Islamic Islamist Islamists Alawite Druze Pashtun Tatar
Chechen Uyghur Uighur Tamil Yazidi Flemish Walloon Basque Catalan Bavarian Texan Californian
Siberian Anglo Franco Sino Russo Euro Slavic Hispanic Latino Nato-led Allied Communist
Republican Republicans Democrat Democrats Democratic Conservative Conservatives Labour Liberal
Liberals Socialist Socialists Green Greens Gaullist Kremlin-backed Moscow-backed Iran-backed
`

// cities: capitals and major cities of the world, one a line.
const cities = `
Kabul
Tirana
Algiers
Luanda
Buenos Aires
Yerevan
Canberra
Sydney
Melbourne
Vienna
Baku
Nassau
Manama
Dhaka
Minsk
Brussels
Antwerp
Porto-Novo
Thimphu
La Paz
Sarajevo
Gaborone
Brasilia
Brasília
Rio de Janeiro
Sao Paulo
São Paulo
Ouagadougou
Phnom Penh
Yaounde
Yaoundé
Ottawa
Toronto
Montreal
Vancouver
Bangui
N'Djamena
Beijing
Shanghai
Guangzhou
Shenzhen
Wuhan
Chongqing
Hong Kong
Macau
Bogota
Bogotá
Kinshasa
Brazzaville
San Jose
Abidjan
Yamoussoukro
Zagreb
Havana
Nicosia
Prague
Copenhagen
Djibouti City
Santo Domingo
Quito
Cairo
Alexandria
San Salvador
Asmara
Tallinn
Addis Ababa
Suva
Helsinki
Paris
Marseille
Lyon
Strasbourg
Libreville
Banjul
Tbilisi
Berlin
Munich
Hamburg
Frankfurt
Cologne
Bonn
Accra
Athens
Guatemala City
Conakry
Bissau
Georgetown
Port-au-Prince
Tegucigalpa
Budapest
Reykjavik
New Delhi
Delhi
Mumbai
Kolkata
Chennai
Bangalore
Bengaluru
Jakarta
Tehran
Baghdad
Mosul
Basra
Erbil
Dublin
Jerusalem
Tel Aviv
Haifa
Rome
Milan
Naples
Turin
Venice
Tokyo
Osaka
Kyoto
Hiroshima
Amman
Astana
Almaty
Nairobi
Mombasa
Pristina
Kuwait City
Bishkek
Vientiane
Riga
Beirut
Maseru
Monrovia
Tripoli
Benghazi
Vilnius
Kaunas
Antananarivo
Lilongwe
Kuala Lumpur
Bamako
Valletta
Nouakchott
Port Louis
Mexico City
Guadalajara
Monterrey
Tijuana
Chisinau
Chișinău
Ulaanbaatar
Podgorica
Rabat
Casablanca
Maputo
Naypyidaw
Yangon
Windhoek
Kathmandu
Amsterdam
Rotterdam
The Hague
Wellington
Auckland
Managua
Niamey
Abuja
Lagos
Pyongyang
Skopje
Oslo
Muscat
Islamabad
Karachi
Lahore
Ramallah
Panama City
Port Moresby
Asuncion
Asunción
Lima
Manila
Warsaw
Krakow
Kraków
Gdansk
Lisbon
Porto
Doha
Bucharest
Moscow
St Petersburg
St. Petersburg
Saint Petersburg
Sochi
Kazan
Novosibirsk
Kigali
Riyadh
Jeddah
Mecca
Dakar
Belgrade
Freetown
Singapore City
Bratislava
Ljubljana
Mogadishu
Pretoria
Johannesburg
Cape Town
Durban
Seoul
Busan
Juba
Madrid
Barcelona
Valencia
Seville
Colombo
Khartoum
Paramaribo
Stockholm
Gothenburg
Bern
Geneva
Zurich
Zürich
Basel
Lausanne
Davos
Damascus
Aleppo
Idlib
Homs
Taipei
Dushanbe
Dodoma
Dar es Salaam
Bangkok
Dili
Lome
Lomé
Tunis
Ankara
Istanbul
Antalya
Izmir
İzmir
Ashgabat
Kampala
Kyiv
Kiev
Kharkiv
Odesa
Odessa
Lviv
Dnipro
Mariupol
Zaporizhzhia
Kherson
Abu Dhabi
Dubai
London
Manchester
Birmingham
Liverpool
Edinburgh
Glasgow
Cardiff
Belfast
Washington
Washington DC
Washington D.C.
New York
New York City
Los Angeles
Chicago
San Francisco
Boston
Miami
Seattle
Philadelphia
Atlanta
Dallas
Detroit
Las Vegas
Montevideo
Tashkent
Caracas
Hanoi
Ho Chi Minh City
Saigon
Sanaa
Sana'a
Aden
Lusaka
Harare
Gaza City
Rafah
Khan Younis
Jenin
Hebron
Nablus
Bethlehem
Donetsk
Luhansk
Sevastopol
Simferopol
Belgorod
Kursk
Bakhmut
Avdiivka
Pokrovsk
Sumy
Chernihiv
Mykolaiv
Vinnytsia
Kramatorsk
Sloviansk
Bucha
Irpin
Mosul
Kandahar
Herat
Peshawar
Quetta
Tabriz
Isfahan
Mashhad
Qom
Kirkuk
Raqqa
Deir ez-Zor
Latakia
Tartus
Benghazi
Misrata
Goma
Mombasa
Kano
Port Harcourt
Luxembourg City
Monaco-Ville
Vaduz
Andorra la Vella
San Marino City
Nuuk
Honolulu
Anchorage
Brasilia
Salzburg
Graz
Ghent
Bruges
Liege
Liège
Utrecht
Eindhoven
Marrakech
Fez
Tangier
Oran
Sfax
Luxor
Aswan
Giza
Incirlik
Brindisi
Naples
Palermo
Genoa
Bologna
Thessaloniki
Plovdiv
Varna
Constanta
Cluj
Iasi
Brno
Ostrava
Gdynia
Wroclaw
Poznan
Lodz
Łódź
Lublin
Rzeszow
Rzeszów
Klaipeda
Tartu
Narva
Daugavpils
Turku
Tampere
Bergen
Trondheim
Aarhus
Malmo
Malmö
Uppsala
Kaliningrad
Murmansk
Vladivostok
Yekaterinburg
Rostov-on-Don
Volgograd
Grozny
Makhachkala
Samarkand
Bukhara
Osh
Karaganda
Shymkent
Lhasa
Urumqi
Harbin
Tianjin
Nanjing
Hangzhou
Xi'an
Chengdu
Kaohsiung
Pusan
Incheon
Yokohama
Nagoya
Sapporo
Okinawa
Cebu
Davao
Surabaya
Bali
Penang
Phuket
Chiang Mai
Mandalay
Chittagong
Lahore
Rawalpindi
Hyderabad
Ahmedabad
Pune
Jaipur
Srinagar
Kandy
Halifax
Calgary
Edmonton
Quebec City
Winnipeg
Havana
Medellin
Medellín
Cali
Guayaquil
Cusco
Valparaiso
Córdoba
Rosario
Recife
Fortaleza
Manaus
Porto Alegre
Curitiba
Belo Horizonte
`

// regions are geographic or political areas that are not states.
const regions = `
Middle East
Near East
Far East
North Africa
Sub-Saharan Africa
West Africa
East Africa
Southern Africa
Central Africa
Horn of Africa
Sahel
Maghreb
Levant
Gulf
Persian Gulf
Arabian Gulf
Gulf of Aden
Arabian Peninsula
Caucasus
South Caucasus
North Caucasus
Central Asia
South Asia
Southeast Asia
East Asia
Asia
Asia-Pacific
Indo-Pacific
Pacific
Atlantic
North Atlantic
Euro-Atlantic
Arctic
Antarctic
Antarctica
Balkans
Western Balkans
Baltic
Baltics
Baltic states
Scandinavia
Nordics
Europe
Eastern Europe
Western Europe
Central Europe
Northern Europe
Southern Europe
Eurasia
Africa
Americas
North America
South America
Latin America
Central America
Caribbean
Oceania
Black Sea
Red Sea
Mediterranean
Mediterranean Sea
Baltic Sea
North Sea
Caspian Sea
Sea of Azov
Aegean
Aegean Sea
Adriatic
South China Sea
East China Sea
Taiwan Strait
Strait of Hormuz
Bosphorus
Suez Canal
Panama Canal
Gaza
Gaza Strip
West Bank
Golan Heights
Sinai
Crimea
Donbas
Donbass
Transnistria
Abkhazia
South Ossetia
Nagorno-Karabakh
Karabakh
Kashmir
Tibet
Xinjiang
Kurdistan
Darfur
Siberia
Chechnya
Dagestan
Greenland
Svalbard
Kaliningrad Oblast
Silicon Valley
Wall Street
Capitol Hill
Oval Office
Texas
California
Florida
Alaska
Hawaii
Arizona
Nevada
Oregon
Utah
Colorado
Ohio
Michigan
Illinois
Pennsylvania
Virginia
West Virginia
North Carolina
South Carolina
New Jersey
Massachusetts
Maryland
Minnesota
Wisconsin
Iowa
Kansas
Missouri
Kentucky
Tennessee
Alabama
Mississippi
Louisiana
Arkansas
Oklahoma
Nebraska
Montana
Idaho
Wyoming
New Mexico
North Dakota
South Dakota
Connecticut
Rhode Island
Vermont
New Hampshire
Maine
Delaware
Quebec
Ontario
Alberta
British Columbia
Bavaria
Saxony
Catalonia
Flanders
Wallonia
Lombardy
Sicily
Sardinia
Corsica
Normandy
Brittany
Provence
Anatolia
Kurdish region
Punjab
Sindh
Balochistan
Bengal
Kerala
Gujarat
Tigray
Amhara
Oromia
Kordofan
Cyrenaica
Tripolitania
Idlib province
Kherson region
Kursk region
Belgorod region
Zaporizhzhia region
Donetsk region
Luhansk region
Kharkiv region
`
