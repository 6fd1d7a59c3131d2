"""A small Dutch/English domain thesaurus: words that mean the same thing to Gem.

Each concept lists words in both languages, including SMS spellings. An entry ending in
`*` matches every word that starts with it (`verhuis*`: verhuizen, verhuisd,
verhuisdatum); an entry with a space is a phrase. Matching runs on normalised tokens, on
the parts of split compounds and on spelling corrections, and each match adds a concept
feature ("k:kwijt"). The classifier learns from the training examples which concepts
point at which topic; the thesaurus lets it carry that over to synonyms and English
words that the examples of a topic do not contain ("verloren" -> kwijt, "passport" ->
paspoort). Written by the Gem team from the topic catalogue, not from any test set.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

CONCEPTS: dict[str, str] = {
    # --- documents and identity ---------------------------------------------------------
    "paspoort": "paspoort* passport* pasport* paspoot* paspord* reispas*",
    "idkaart": "idkaart identity",
    "reisdocument": "reisdocument* travel_document reisdocumenten",
    "rijbewijs": (
        "rijbewijs* rijbewys* rijbeweis* license licence licenses licences driving cbr "
        "gezondheidsverklaring* rijexamen* examen* eigen_verklaring"
    ),
    "verlengen": (
        "verleng* verlop* verloopt vernieuw* renew* expir* geldig* ongeldig* valid* invalid*"
    ),
    "kwijt": (
        "kwijt* verlor* verloor* verlies* gestolen steel* stelen stal diefstal* vermis* lost lose "
        "losing stolen stole theft missing zoekgeraakt*"
    ),
    "gevonden": "gevonden vond gevonde found terugvinden teruggevonden",
    "spoed": (
        "spoed* snel snelle sneller haast* urgent dringend* asap nood* emergency quick* fast* "
        "marechaussee* schiphol airport vliegveld* luchthaven*"
    ),
    "kind": (
        "kind kinderen kindje kids kid child children dochter* zoon zoons zonen baby* minderjarig* "
        "minor minors tiener* meisje jongetje son daughter* baby"
    ),
    "toestemming": "toestemming* consent* permission* handtekening* tekenen ondertekenen",
    "vingerafdruk": "vingerafdruk* fingerprint* vingers",
    "foto": "pasfoto* foto fotos photo* picture*",
    # --- general intents ----------------------------------------------------------------
    "kosten": (
        "kost kosten kostte prijs* tarief* tarieven bedrag* cost costs price* fee fees euro duur "
        "goedkoop* gratis free charge*"
    ),
    "betalen": (
        "betaal* betalen betaling* pay paying payment* paid incasso* termijn* installment* "
        "instalment* afbetal* gespreid*"
    ),
    "aanvragen": "aanvra* aangevraagd apply* applying application* request* regelen",
    "duur": "hoe_lang how_long doorlooptijd* wachttijd* klaar ready lang_duren",
    "afspraak": (
        "afspraak* afspreken appointment* booking boeken reserver* inplannen annuler* cancel* "
        "reschedul* verzet* verplaats*"
    ),
    "melden": "melding* meld melden report* reporting doorgeven doorgegeven",
    "vergunning": "vergunning* permit* toestemming_nodig",
    # --- contact and Gem itself ---------------------------------------------------------
    "contact": (
        "telefoon* telefoonnummer* nummer bellen bel belt phone* call calling contact* email "
        "mailen mail adres address bereikbaar* bereiken reach"
    ),
    "stadhuis": (
        "stadhuis* gemeentehuis* stadswinkel* stadskantoor* balie* loket* town_hall city_hall "
        "townhall cityhall"
    ),
    "openingstijden": (
        "openingstijd* geopend open opent openen opening* sluit* gesloten closed closing hours "
        "tijden hoe_laat"
    ),
    "medewerker": (
        "medewerker* mens mensen persoon human humans person employee* agent livechat* terugbel* "
        "call_back callback echte"
    ),
    "bot": "bot robot* chatbot* computer* ai kunstmatig* assistent* assistant* gem programma",
    "privacy": (
        "privacy* gegevens* persoonsgegevens* data bewaar* bewaren opslaan opgeslagen store stored "
        "gesprek* conversation* chat"
    ),
    "groet": (
        "hallo hoi hey hi hello goedemorgen goedemiddag goedenavond goeiemorgen goeiedag goedendag "
        "morning afternoon evening"
    ),
    "bedankt": (
        "bedankt* dank dankjewel dankuwel thanks thank thnx thx merci doei bye goodbye doeg "
        "tot_ziens fijne_dag geholpen helped"
    ),
    # --- moving and registration --------------------------------------------------------
    "verhuizen": (
        "adreswijz* intrek* intrekken inwonen woonadres* briefadres* moved_in move_in verhuis* "
        "verhuiz* verhuist moving move moved relocat* adreswijziging* nieuw_adres new_address "
        "ander_adres intrekken samenwonen"
    ),
    "buitenland": (
        "spanje frankrijk duitsland belgie turkije marokko suriname polen engeland amerika "
        "australie canada portugal italie griekenland thailand indonesie curacao aruba bonaire "
        "oekraine syrie india china brazilie spain france germany belgium turkey morocco poland "
        "england america usa buitenland* abroad foreign* overseas expat* expats land landen "
        "country countries internationaal* international*"
    ),
    "emigreren": (
        "emigr* vertrek* vertrekken leave leaving uitschrijv* uitgeschreven deregist* rni"
    ),
    "inschrijven": (
        "terugkeer* teruggekeerd teruggekomen return* returned came_back inschrijv* ingeschreven "
        "inschrijven register* registration* aanmelden bsn burgerservicenummer* arriv* aankomst* "
        "aangekomen"
    ),
    "brp": (
        "brp uittreksel* extract* basisregistratie* gba persoonslijst* bewijs_van_inschrijving "
        "proof_of_address"
    ),
    "geboorte": "geboorte* geboren bevall* pasgebor* newborn* born birth* bevallen",
    "erkenning": (
        "erken* acknowledg* recogni* ongehuwd* ongetrouwd* unmarried* gezag* custody vaderschap* "
        "paternity"
    ),
    "huwelijk": (
        "trouw* huwelijk* getrouwd marri* marry wedding* partnerschap* partnership* bruiloft* "
        "ceremonie* getuig* witness* ondertrouw*"
    ),
    "overlijden": (
        "overled* overlijd* gestorven sterf* sterven stierf dood death died dies funeral* "
        "begrafenis* begraaf* begraven crematie* cremer* uitvaart* graf graven grave* cemetery* "
        "begraafplaats* passed_away"
    ),
    "naturalisatie": (
        "naturalis* nederlander* nationaliteit* citizen* citizenship nationality inburger* "
        "optieprocedure* dutch_passport"
    ),
    "vog": "vog gedrag* justis conduct* antecedent* screening* vrijwilligerswerk",
    "digid": (
        "digid* inlogcode* inloggen login wachtwoord* password* activeringscode* activatie* "
        "activer* machtig* authoris* authoriz* sms_code"
    ),
    "verkiezingen": (
        "stem stemmen stempas* stembureau* stemlokaal* stembiljet* kiezerspas* volmacht* vote* "
        "voting election* verkiezing* ballot* stemming"
    ),
    # --- waste --------------------------------------------------------------------------
    "afval": (
        "afval* vuil vuilnis* waste garbage rubbish trash huisvuil* gft* pmd plastic papier* "
        "oud_papier restafval* glas"
    ),
    "grofvuil": (
        "grofvuil* grof grove bankstel* matras* meubel* furniture sofa* couch* mattress* bulky "
        "koelkast* wasmachine* kast kasten fridge* tuinset*"
    ),
    "ophalen": (
        "ophaal* opgehaald ophalen ophale haal halen inzamel* collect* pick* legen geleegd* "
        "emptied leeggemaakt"
    ),
    "kalender": (
        "kalender* ophaaldag* ophaaldagen schema* rooster* calendar* schedule* welke_dag feestdag* "
        "holiday* afvalapp*"
    ),
    "container": (
        "deksel* wiel wieltje* milieupas* toegangspas* container* kliko* bak bakken vuilnisbak* "
        "minicontainer* bin bins wheelie* afvalpas* ondergrondse* rolcontainer*"
    ),
    "milieustraat": (
        "milieustraat* milieupark* recycl* afvalbrengpunt* brengpunt* stort* wegbrengen"
    ),
    "chemisch": (
        "chemisch* kca asbest* chemical* asbestos* verf* paint* batterij* spuitbus* olie accu*"
    ),
    # --- public space and nuisance ------------------------------------------------------
    "openbare-ruimte": (
        "boomwortel* verzakt* verstopt* kolk* stoplicht* verkeerslicht* paaltje* lamp donker "
        "fietswrak* weesfiets* zwerffiets* kadaver* aangereden* maaien gemaaid gras heg heggen "
        "struik* overhangend* buitenruimte* openbare_ruimte lantaarn* straatlamp* straatverlicht* "
        "verlichting* streetlight* street_light kuil* gat gaten pothole* stoeptegel* tegel* stoep* "
        "wegdek* zwerf* litter* graffiti* dump* gedumpt* speeltuin* bankje* riool* putdeksel* "
        "onkruid* groenvoorziening* straat fietspad* verkeersbord* boomtak*"
    ),
    "kapot": (
        "kapot* defect* beschadig* vernield* vernielt vernielen broken damag* omgevallen "
        "losliggend* scheef"
    ),
    "overlast": (
        "blaf* rook* houtstook* houtkachel* nacht* schreeuw* dealen drugs* overlast* geluid* "
        "herrie* lawaai* noise* nuisance* stank* stinkt stink* smell* hangjongeren* rommel* "
        "ratten* rat rats muizen* ongedierte* pests* pest buurtbemiddel* mediation* luid*"
    ),
    "buren": "buren buurman* buurvrouw* neighbo* bovenburen* onderburen*",
    # --- parking and traffic ------------------------------------------------------------
    "parkeren": "parkeer* parkeren geparkeerd parking* parked",
    "bezoeker": "bezoeker* visitor* visite gasten guest*",
    "kenteken": (
        "kenteken* license_plate number_plate registration_certificate overschrijv* tenaamstelling*"
    ),
    "gehandicapt": (
        "gehandicapt* invalid* beperking* disabled disability* rolstoel* wheelchair* mindervalide* "
        "handicap* blauwe_kaart gpk"
    ),
    "boete": "boete* bekeuring* bon fine fined ticket* naheffing*",
    # --- taxes and money ----------------------------------------------------------------
    "belasting": (
        "belasting* tax taxes heffing* ozb afvalstoffenheffing* rioolheffing* aanslag* "
        "aanslagbiljet*"
    ),
    "woz": (
        "woz* taxatie* taxatieverslag* waardeloket* valuation* property_value huiswaarde* waarde"
    ),
    "kwijtschelding": (
        "geen_geld te_weinig_geld can_not_afford not_afford kan_het_niet_betalen kwijtschel* "
        "remission* waive* vrijstelling* niet_betalen kan_niet_betalen cannot_pay afford"
    ),
    "hond": "hond honden hondje dog dogs puppy* pup",
    "bijstand": (
        "bijstand* uitkering* welfare* participatiewet* social_assistance levensonderhoud* "
        "sollicitatieplicht* tegenprestatie*"
    ),
    "inkomen": (
        "inkomen* income* minima* laag_inkomen low_income armoede* poverty* rondkomen geld money "
        "krap"
    ),
    "regeling": (
        "regeling* vergoeding* tegemoetkoming* stadspas* meedoen* ooievaarspas* "
        "bijzondere_bijstand energietoeslag* collectieve* kortingspas*"
    ),
    "schuld": (
        "schuld* debt* achterstand* arrears* deurwaarder* bailiff* aanmaning* budget* bewind* "
        "beschermingsbewind* budgetcoach* geldzorgen* money_problems"
    ),
    # --- care and youth -----------------------------------------------------------------
    "wmo": (
        "dagbesteding* begeleiding* badkamer* douche* drempel* trap trappen rollator* boodschappen "
        "hulp_thuis wmo huishoudelijk* schoonmaakhulp* thuiszorg* hulpmiddel* traplift* stairlift* "
        "scootmobiel* woningaanpass* aanpassing* mantelzorg* respijt* regiotaxi* zelfstandig* "
        "independen* ouderen elderly mobility"
    ),
    "jeugd": (
        "jeugd* youth* opvoed* parenting* wijkteam* gezinscoach* jeugdzorg* psycholo* pgb autisme* "
        "adhd"
    ),
    "school": "school* scholen leerling* pupil* onderwijs* education* speciaal",
    "vervoer": (
        "schoolvervoer* leerlingenvervoer* schoolbus* schooltaxi* aangepast_vervoer vervoer* "
        "transport* taxi* taxibus* busje* reiskosten* reiskostenvergoeding*"
    ),
    # --- building, events, business, housing --------------------------------------------
    "bouwen": (
        "bouw* verbouw* aanbouw* uitbouw* dakkapel* schuur* schutting* erfafscheiding* build* "
        "extension* dormer* shed* fence* serre* veranda* carport* tuinhuis* omgevingsloket* "
        "omgevingswet* omgevingsvergunning* bestemmingsplan* omgevingsplan*"
    ),
    "boom": "boom bomen tree trees kap kappen kapvergunning* omzagen",
    "evenement": (
        "optreden* springkussen* koningsdag rommelmarkt* vrijmarkt* kermis* hardloopwedstrijd* "
        "wegafsluiting* straat_afsluiten evenement* feest* buurtfeest* straatfeest* festival* "
        "event events party barbecue* braderie* optocht* concert*"
    ),
    "onderneming": (
        "onderne* bedrijf* business* terras* terrace* horeca* drank* alcohol* standplaats* "
        "marktkraam* markt winkel* shop restaurant* cafe zzp*"
    ),
    "woning": (
        "woning* woonruimte* housing accommodation* appartement* huurhuis* sociale_huur "
        "social_housing woningnet* woningzoek* corporatie*"
    ),
    "dakloos": "dakloos* daklozen homeless* opvang* nachtopvang* straat_slapen",
    "urgentie": "urgentie* urgentieverklaring*",
    "subsidie": (
        "potje fonds* buurthuis* activiteit* jubileum cultuur* subsidie* grant* funding* bijdrage* "
        "initiatief* initiatieven vereniging* association* stichting* buurtinitiatief*"
    ),
    "duurzaam": (
        "duurzaam* duurzaamheid* sustainab* isolatie* isoleren insulat* zonnepaneel* zonnepanelen "
        "groen* energiebespar*"
    ),
    "voorwerp": (
        "portemonnee* portemonnaie* wallet* tas tassen bag bags sleutel* key keys fiets* bike* "
        "bicycle* fietsdepot* sieraad* ring jas knuffel* telefoon gsm mobiel"
    ),
    # --- complaints and objections ------------------------------------------------------
    "klacht": (
        "klacht* klagen klaag* complain* complaint* ontevreden* ombudsman* onbeschoft* "
        "onvriendelijk* rude behandeld treated"
    ),
    "bezwaar": (
        "bezwaar* bezwaarschrift* beroep objection* appeal* oneens disagree* niet_eens pro_forma "
        "hoorzitting*"
    ),
    "besluit": "besluit* beschikking* decision* afgewezen afwijzing* rejected refused geweigerd",
    # --- referral topics ----------------------------------------------------------------
    "toeslag": (
        "toeslag* zorgtoeslag* huurtoeslag* kinderopvangtoeslag* allowance* healthcare_allowance "
        "rent_allowance"
    ),
    "inkomstenbelasting": (
        "inkomstenbelasting* belastingaangifte* tax_return income_tax belastingdienst* tax_office "
        "tax_authority motorrijtuigenbelasting* wegenbelasting* car_tax road_tax btw"
    ),
    "verblijf": (
        "ind verblijfsvergunning* residence_permit verblijf* visum* visa gezinshereniging* "
        "family_reunification immigratie* immigration* asiel* asylum* kennismigrant* mvv "
        "werkvergunning* work_permit"
    ),
    "voertuig": (
        "auto autos car cars vehicle* voertuig* motor motorfiets* brommer* scooter* aanhanger* "
        "caravan* camper* rdw"
    ),
    "apk": "apk keuring* keuren mot",
    "werkloos": "werkloos* werkloosheid* unemploy* ontslag* ontslagen laid_off baan_kwijt ww uwv",
    "ziek": (
        "ziek ziekte* ziektewet* sick* illness* arbeidsongeschikt* wia wajong burnout burn_out"
    ),
    "wonen": "woon woont wonen gewoond live lives living reside*",
    "aanmelden": "aanmeld* afmeld* aangemeld afgemeld",
    "werk": (
        "werk werken baan job jobs work working employer* werkgever* employ* sollicit* vacature*"
    ),
    "reizen": "reis reizen travel* vakantie* vacation* trip* europa europe* op_reis",
}


def _parse(concepts: dict[str, str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    exact: dict[str, list[str]] = {}
    prefixes: dict[str, list[str]] = {}
    for concept, spec in concepts.items():
        for entry in spec.split():
            target = prefixes if entry.endswith("*") else exact
            target.setdefault(entry.rstrip("*"), []).append(concept)
    return exact, prefixes


class Thesaurus:
    """Look up the concepts of words and of two- and three-word phrases."""

    def __init__(self, concepts: dict[str, str] | None = None) -> None:
        self.exact, self.prefixes = _parse(concepts or CONCEPTS)
        self.prefix_lengths = sorted({len(p) for p in self.prefixes})
        self.of_word = lru_cache(maxsize=65536)(self._of_word)

    def _of_word(self, word: str) -> tuple[str, ...]:
        found = list(self.exact.get(word, ()))
        for length in self.prefix_lengths:
            if length > len(word):
                break
            found.extend(self.prefixes.get(word[:length], ()))
        return tuple(found)

    def concepts(self, tokens: Sequence[str], extra: Iterable[str] = ()) -> Iterator[str]:
        """Concepts of the tokens, of their phrases, and of extra words (repairs)."""
        for token in tokens:
            yield from self.of_word(token)
        for word in extra:
            yield from self.of_word(word)
        for n in (2, 3, 4):
            for i in range(len(tokens) - n + 1):
                yield from self.exact.get("_".join(tokens[i : i + n]), ())


THESAURUS = Thesaurus()
