"""The words of the demo's recruitment: the privacy notice, the open call, the seeking
municipalities' challenges in their own language (some translated) and the Swedish
municipalities' motivations. Demo data, so not marked for translation."""

NOTICE_TEXTS = {
    "sv": (
        "Vilka uppgifter vi samlar in: namn, e-postadress, telefonnummer, titel och roll "
        "(tjänsteperson eller förtroendevald) för de kontaktpersoner som en kommun eller region "
        "anger, vilken organisation de företräder och det som skrivs i en intresseanmälan eller "
        "i en partnersökande kommuns beskrivning. Kön registreras bara om personen själv anger "
        "det och samtycker till det.\n\n"
        "Varför: för att nätverkets sekretariat ska kunna pröva intresseanmälningar, matcha "
        "partnerkommuner, planera workshoppar, följa upp partnerskapen och kontakta er om "
        "nätverket. Grunden är ditt samtycke, som du kan återkalla när som helst.\n\n"
        "Vem som ser uppgifterna: sekretariatet och, när ett partnerskap har bildats, "
        "partnerkommunens kontaktpersoner. En partnersökande kommuns namn och utmaning visas "
        "öppet först när sekretariatet har godkänt dem; e-postadresser visas aldrig öppet. "
        "Uppgifterna säljs inte och lämnas inte ut till andra.\n\n"
        "Hur länge: under nätverkets period (2024–2026) och därefter i högst två år, för "
        "uppföljning och revision. Sedan raderas de.\n\n"
        "Dina rättigheter: du kan få veta vilka uppgifter vi har om dig, få dem rättade, "
        "raderade eller begränsade, invända mot behandlingen, få ut dem i ett maskinläsbart "
        "format och återkalla ditt samtycke. Du kan också klaga hos Integritetsskyddsmyndigheten "
        "(IMY).\n\n"
        "Kontakt: partnership@icld.se"
    ),
    "es": (
        "Qué datos recogemos: nombre, correo electrónico, teléfono, cargo y función "
        "(funcionario/a o autoridad electa) de las personas de contacto que indica un municipio "
        "o región, la organización a la que representan y lo que se escribe en una "
        "manifestación de interés o en la presentación de un municipio que busca socio. El "
        "género solo se registra si la persona lo indica y da su consentimiento.\n\n"
        "Para qué: para que la secretaría de la red pueda revisar las manifestaciones de "
        "interés, proponer alianzas entre municipios, organizar los talleres, dar seguimiento a "
        "las alianzas y comunicarse con ustedes sobre la red. La base es su consentimiento, que "
        "puede retirar en cualquier momento.\n\n"
        "Quién ve los datos: la secretaría y, una vez formada una alianza, las personas de "
        "contacto del municipio socio. El nombre y el desafío de un municipio que busca socio "
        "se publican solo después de que la secretaría los aprueba; las direcciones de correo "
        "nunca se publican. Los datos no se venden ni se ceden a terceros.\n\n"
        "Por cuánto tiempo: durante el período de la red (2024–2026) y como máximo dos años "
        "más, para el seguimiento y la auditoría. Después se eliminan.\n\n"
        "Sus derechos: puede saber qué datos tenemos sobre usted, pedir que se corrijan, "
        "eliminen o limiten, oponerse a su tratamiento, recibirlos en un formato legible por "
        "máquina y retirar su consentimiento. También puede presentar una reclamación ante la "
        "autoridad sueca de protección de datos (IMY).\n\n"
        "Contacto: partnership@icld.se"
    ),
    "en": (
        "What we collect: the name, e-mail address, phone number, title and role (official or "
        "elected politician) of the contact people a municipality or region gives, the "
        "organisation they act for, and what is written in an expression of interest or in a "
        "partner-seeking municipality's profile. Gender is recorded only if the person gives it "
        "and consents to it.\n\n"
        "Why: so that the network's secretariat can review expressions of interest, match "
        "partner municipalities, plan workshops, follow up the partnerships and contact you "
        "about the network. The basis is your consent, which you can withdraw at any time.\n\n"
        "Who sees it: the secretariat and, once a partnership is formed, the partner "
        "municipality's contact people. A partner-seeking municipality's name and challenge are "
        "public only after the secretariat approves them; e-mail addresses are never public. "
        "The data is not sold or passed on to anyone else.\n\n"
        "How long: for the network's period (2024–2026) and at most two years after, for "
        "follow-up and audit. Then it is erased.\n\n"
        "Your rights: you can ask what data we hold about you, have it corrected, erased or "
        "restricted, object to its use, receive it in a machine-readable format and withdraw "
        "your consent. You can also complain to the Swedish Authority for Privacy Protection "
        "(IMY).\n\n"
        "Contact: partnership@icld.se"
    ),
}

OPEN_CALL_TITLES = {
    "sv": "Utlysning 2026: nya partnerskap i jämställdhetsnätverket",
    "es": "Convocatoria 2026: nuevas alianzas en la red de igualdad de género",
    "en": "Call 2026: new partnerships in the gender equality network",
}
OPEN_CALL_DESCRIPTIONS = {
    "sv": (
        "Nätverket öppnar för fler partnerskap under sitt sista år. Svenska kommuner och "
        "regioner kan lämna en intresseanmälan, och kommuner i Guatemala och Colombia som söker "
        "en svensk partner beskriver här sin jämställdhetsutmaning.\n\n"
        "Under 2026 deltar varje partnerskap i minst en workshop i Latinamerika och minst en "
        "workshop i Sverige."
    ),
    "es": (
        "La red se abre a nuevas alianzas municipales en su último año. Los municipios de "
        "Guatemala y Colombia que buscan un socio sueco presentan aquí su desafío de igualdad "
        "de género, y los municipios y regiones de Suecia manifiestan su interés.\n\n"
        "En 2026, cada alianza participa en al menos un taller en América Latina y al menos un "
        "taller en Suecia."
    ),
    "en": (
        "The network opens for more partnerships in its last year. Swedish municipalities and "
        "regions can send an expression of interest, and municipalities in Guatemala and "
        "Colombia seeking a Swedish partner describe their gender-equality challenge here.\n\n"
        "During 2026 each partnership takes part in at least one workshop in Latin America and "
        "at least one workshop in Sweden."
    ),
}

TOTONICAPAN = {
    "es": (
        "En Totonicapán la vida comunitaria se organiza en los 48 cantones, con autoridades "
        "indígenas k'iche' de larga tradición, pero las mujeres casi no ocupan cargos en las "
        "alcaldías comunitarias, en los COCODE ni en el Concejo Municipal. Muchas lideresas "
        "participan en comités de agua, salud y escuelas sin llegar a los espacios donde se "
        "decide el presupuesto. Queremos formar a lideresas de los cantones, con materiales en "
        "k'iche' y horarios compatibles con el comercio y el cuidado de la familia, y abrir el "
        "COMUDE a su participación con voz y voto."
    ),
    "sv": (
        "I Totonicapán organiseras samhällslivet i 48 kantoner med k'iche'-mayafolkets egna "
        "traditionella myndigheter, men kvinnor har nästan inga uppdrag i byråden, i de lokala "
        "utvecklingsråden eller i kommunfullmäktige. Vi vill utbilda kvinnliga ledare från "
        "kantonerna, med material på k'iche', och öppna det kommunala utvecklingsrådet för "
        "deras deltagande med rösträtt."
    ),
    "en": (
        "In Totonicapán community life is organised in 48 cantons with long-standing K'iche' "
        "Maya authorities, yet women hold almost no posts in the community councils or on the "
        "municipal council. We want to train women leaders from the cantons, with materials in "
        "K'iche', and open the municipal development council to them with a vote."
    ),
}
SAN_JUAN_LA_LAGUNA = {
    "es": (
        "En San Juan La Laguna, a orillas del lago de Atitlán, cientos de mujeres tz'utujil "
        "tejen y tiñen con tintes naturales en cooperativas, y el turismo ha abierto mercados "
        "nuevos. Sin embargo, pocas tienen cuentas bancarias o tierra a su nombre, y los "
        "ingresos del tejido los administran a menudo otros. Queremos apoyar a las "
        "cooperativas de mujeres con educación financiera, acceso a crédito y venta directa, y "
        "que la municipalidad compre a proveedoras locales."
    ),
    "en": (
        "In San Juan La Laguna, on the shore of Lake Atitlán, hundreds of Tz'utujil women weave "
        "and dye with natural dyes in cooperatives, and tourism has opened new markets. Yet few "
        "have a bank account or land in their own name. We want to support women's "
        "cooperatives with financial education, credit and direct sales, and have the "
        "municipality buy from local women suppliers."
    ),
}
PANAJACHEL = {
    "es": (
        "Panajachel recibe miles de visitantes al año y la Dirección Municipal de la Mujer "
        "atiende cada vez más denuncias de violencia contra las mujeres, pero no hay un "
        "albergue temporal en el municipio y la ruta de atención entre la municipalidad, el "
        "Ministerio Público, el centro de salud y el juzgado de paz no está coordinada. "
        "Queremos acordar una ruta de atención única, formar al personal que recibe las "
        "denuncias y llevar la prevención a los institutos de educación básica."
    ),
}
PUERTO_NARINO = {
    "es": (
        "Puerto Nariño es un municipio amazónico sin carreteras: a muchas comunidades ticuna, "
        "cocama y yagua solo se llega por el río, en varias horas de lancha. Las mujeres de "
        "esas comunidades tienen pocos controles prenatales y el embarazo adolescente es "
        "frecuente. Queremos formar a promotoras de salud de las propias comunidades, con "
        "apoyo de las parteras tradicionales, y acercar la atención en salud sexual y "
        "reproductiva a las comunidades ribereñas."
    ),
    "sv": (
        "Puerto Nariño är en kommun i Amazonas utan vägar: många ticuna-, cocama- och "
        "yaguasamhällen nås bara med båt längs floden. Kvinnorna där går sällan på "
        "mödravårdskontroller och tonårsgraviditeter är vanliga. Vi vill utbilda "
        "hälsopromotorer från samhällena själva, tillsammans med de traditionella "
        "barnmorskorna."
    ),
}
LETICIA = {
    "es": (
        "Leticia está en la triple frontera entre Colombia, Brasil y Perú, donde el paso de "
        "personas es constante y la trata de mujeres y niñas con fines de explotación sexual y "
        "laboral es un riesgo real. Las mujeres de las organizaciones locales han sido clave en "
        "la prevención, pero trabajan sin coordinación con las instituciones. Queremos crear "
        "una mesa municipal contra la trata con las organizaciones de mujeres y las "
        "autoridades de los tres países, y campañas de prevención en colegios y puertos."
    ),
}
POPAYAN = {
    "es": (
        "Popayán ha recibido durante años a mujeres desplazadas por el conflicto armado desde "
        "el sur del Cauca; muchas lideran hoy organizaciones de víctimas y procesos de paz en "
        "sus barrios, pero siguen ausentes de las decisiones municipales y algunas reciben "
        "amenazas. Queremos fortalecer el Consejo Municipal de Mujeres, crear una escuela de "
        "liderazgo político para lideresas constructoras de paz y acordar con la Policía y la "
        "Personería un protocolo de protección para las que son amenazadas."
    ),
    "sv": (
        "Popayán har under många år tagit emot kvinnor som drivits på flykt av den väpnade "
        "konflikten i södra Cauca. Många leder i dag brottsofferorganisationer och fredsarbete "
        "i sina stadsdelar, men saknas i kommunens beslut, och några får hot. Vi vill stärka "
        "kommunens kvinnoråd, starta en skola i politiskt ledarskap för kvinnliga fredsbyggare "
        "och ta fram ett skyddsprotokoll för dem som hotas."
    ),
    "en": (
        "For years Popayán has received women displaced by the armed conflict in southern "
        "Cauca. Many now lead victims' organisations and peacebuilding in their neighbourhoods, "
        "yet are absent from municipal decisions, and some receive threats. We want to "
        "strengthen the municipal women's council, start a school of political leadership for "
        "women peacebuilders and agree a protection protocol for those who are threatened."
    ),
}

LOCAL_CONTEXTS = {
    "0801": "Municipio mayoritariamente maya k'iche', con una fuerte organización comunitaria.",
    "0717": "Municipio tz'utujil a orillas del lago de Atitlán; economía de tejido y turismo.",
    "0710": "Centro turístico del lago de Atitlán, con población kaqchikel y ladina.",
    "91540": "Comunidades indígenas ticuna, cocama y yagua a lo largo del río Amazonas.",
    "91001": "Capital del Amazonas, en la triple frontera con Brasil y Perú.",
    "19001": "Ciudad receptora de población desplazada por el conflicto armado en el Cauca.",
}

LESSEBO_MOTIVATION = (
    "Lessebo kommun vill få fler unga kvinnor att ta plats i den lokala demokratin. Bland "
    "våra förtroendevalda under 35 år är kvinnorna få, och de som tar ett uppdrag lämnar "
    "det ofta under mandatperioden. Vi vill lära av hur kvinnor organiserar sig i "
    "Totonicapáns kantoner och pröva nya former av medborgardialog i våra bruksorter."
)

BORAS_MOTIVATION = (
    "Borås har under flera år arbetat med att förebygga mäns våld mot kvinnor i nära "
    "relationer, bland annat genom samverkan mellan socialtjänst, polis och "
    "kvinnojourer. Vi vill lära av hur kvinnor i Colombia bygger fred och skydd lokalt, "
    "och utveckla vårt arbete med kvinnor som flytt från väpnade konflikter."
)

ARE_MOTIVATION = (
    "Åre kommun ligger i Sápmi och arbetar med samiska kvinnors och unga tjejers hälsa, "
    "bland annat psykisk ohälsa och tillgång till vård på långa avstånd. Vi vill lära av hur "
    "en kommun med en stor urfolksbefolkning i Guatemala når kvinnor i avlägsna samhällen med "
    "hälso- och utbildningsinsatser, och dela våra erfarenheter av samråd med samebyarna."
)

UMEA_MOTIVATION = (
    "Umeå har arbetat strategiskt med jämställdhet i över tjugo år, bland annat med "
    "jämställdhetsbudgetering och en jämställd stadsplanering. Vi vill dela dessa "
    "erfarenheter och lära av partnerkommunens arbete med kvinnors politiska deltagande."
)
