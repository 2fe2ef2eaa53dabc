"""What the demo partnerships wrote in their progress reports, in Swedish and Spanish:
{(Swedish municipality's SCB code, period year): {section: {"sv": ..., "es": ...}}}."""

LESSEBO_2024 = {
    "activities": {
        "sv": (
            "I april besökte fyra förtroendevalda och två tjänstepersoner från Lessebo "
            "Totonicapán och deltog i två möten med byråd (COCODE) i Chuipachec och Paqui. I "
            "oktober tog Lessebo emot fem personer från Totonicapán, bland dem två kvinnliga "
            "ledamöter i byråden, som följde ett sammanträde i kommunfullmäktige och träffade "
            "Kvinnojouren Kronoberg."
        ),
        "es": (
            "En abril, cuatro concejales y dos funcionarias de Lessebo visitaron Totonicapán y "
            "participaron en dos asambleas de los COCODE de Chuipachec y Paqui. En octubre, "
            "Lessebo recibió a cinco personas de Totonicapán, entre ellas dos integrantes de "
            "COCODE, que asistieron a una sesión del Concejo Municipal (kommunfullmäktige) y "
            "se reunieron con la casa de acogida para mujeres de Kronoberg."
        ),
    },
    "results": {
        "sv": (
            "Dirección Municipal de la Mujer i Totonicapán har kartlagt 48 byråd: 11 procent "
            "av ledamöterna är kvinnor. I Lessebo har vi tagit fram könsuppdelad statistik över "
            "vem som talar på fullmäktiges sammanträden och vem som sitter i nämndernas "
            "presidier."
        ),
        "es": (
            "La Dirección Municipal de la Mujer de Totonicapán hizo un mapeo de 48 COCODE: el "
            "11 por ciento de sus integrantes son mujeres. En Lessebo se elaboró estadística "
            "desagregada por sexo sobre quién toma la palabra en las sesiones del Concejo y "
            "quién preside las comisiones."
        ),
    },
    "lessons": {
        "sv": (
            "Det tog längre tid än vi trodde att få kontakt med byråden, som arbetar på k'iche' "
            "och fattar beslut i samråd med de 48 kantonernas myndigheter. Vi har lärt oss att "
            "gå via de lokala ledarna och att alltid ha tolkning även till k'iche'."
        ),
        "es": (
            "Establecer contacto con los COCODE llevó más tiempo de lo previsto: trabajan en "
            "k'iche' y deciden en consulta con las autoridades de los 48 Cantones. Aprendimos a "
            "llegar a través de las autoridades locales y a contar siempre con interpretación "
            "también al k'iche'."
        ),
    },
    "next_steps": {
        "sv": (
            "Under 2025 ordnar vi en utbildning i mötesteknik för kvinnor i fem byråd och "
            "prövar i Lessebo ett mentorsprogram där erfarna ledamöter stöttar nyvalda kvinnor."
        ),
        "es": (
            "En 2025 organizaremos una formación en conducción de reuniones para mujeres de "
            "cinco COCODE, y en Lessebo pondremos a prueba un programa de mentoría en el que "
            "concejalas con experiencia acompañan a las recién electas."
        ),
    },
}

LESSEBO_2025 = {
    "activities": {
        "sv": (
            "Utbildningen i mötesteknik genomfördes i fem byråd med 62 deltagare, varav 41 "
            "kvinnor. I Lessebo startade mentorsprogrammet med sex par. Partnerskapet deltog i "
            "nätverkets workshop i Antigua Guatemala i mars och i Växjö i september."
        ),
        "es": (
            "La formación en conducción de reuniones se realizó en cinco COCODE con 62 "
            "participantes, 41 de ellas mujeres. En Lessebo comenzó el programa de mentoría con "
            "seis parejas. La alianza participó en los talleres de la red en Antigua Guatemala "
            "en marzo y en Växjö en septiembre."
        ),
    },
    "results": {
        "sv": (
            "I valet av nya byråd i november valdes 14 kvinnor i de fem byråden, mot 6 året "
            "innan. Två av dem är ordförande. I Lessebo säger fem av sex adepter att de har "
            "talat oftare i fullmäktige."
        ),
        "es": (
            "En la elección de los nuevos COCODE en noviembre resultaron electas 14 mujeres en "
            "los cinco consejos, frente a 6 el año anterior; dos de ellas los presiden. En "
            "Lessebo, cinco de las seis concejalas acompañadas dicen haber tomado la palabra "
            "con más frecuencia en el Concejo."
        ),
    },
    "lessons": {
        "sv": (
            "Kvinnorna i byråden behöver barnpassning och resebidrag för att kunna delta; utan "
            "det kom bara de som bor nära. Mentorsparen fungerar bäst när de träffas "
            "regelbundet, inte bara inför sammanträden."
        ),
        "es": (
            "Las mujeres de los COCODE necesitan cuidado de sus hijos y apoyo para el transporte "
            "para poder participar; sin eso solo asistían quienes viven cerca. Las parejas de "
            "mentoría funcionan mejor cuando se reúnen con regularidad y no solo antes de las "
            "sesiones."
        ),
    },
    "next_steps": {
        "sv": (
            "2026 sprider vi utbildningen till ytterligare tio byråd med de nyvalda kvinnorna "
            "som utbildare, och skriver tillsammans en handbok på spanska, k'iche' och svenska."
        ),
        "es": (
            "En 2026 llevaremos la formación a otros diez COCODE, con las mujeres recién electas "
            "como facilitadoras, y escribiremos juntos un manual en español, k'iche' y sueco."
        ),
    },
}

BORAS_2024 = {
    "activities": {
        "sv": (
            "Borås och Popayán har kartlagt hur kommunerna tar emot kvinnor som hotas: i "
            "Popayán kvinnliga sociala ledare, i Borås kvinnor som utsätts för våld i nära "
            "relationer. Tre digitala möten och ett besök i Popayán i juni, där vi träffade "
            "Mesa Municipal de Mujeres och Defensoría del Pueblo i Cauca."
        ),
        "es": (
            "Borås y Popayán hicieron un mapeo de cómo las alcaldías atienden a mujeres "
            "amenazadas: en Popayán, lideresas sociales; en Borås, mujeres víctimas de violencia "
            "en la pareja. Hubo tres reuniones virtuales y una visita a Popayán en junio, donde "
            "nos reunimos con la Mesa Municipal de Mujeres y la Defensoría del Pueblo del Cauca."
        ),
    },
    "results": {
        "sv": (
            "Popayán har en gemensam rutin mellan Secretaría de la Mujer och polisen för "
            "hotade ledare, med en kontaktperson dygnet runt. Borås har gjort om sin rutin för "
            "skyddat boende efter Popayáns modell med en enda kontaktväg."
        ),
        "es": (
            "Popayán cuenta con una ruta conjunta entre la Secretaría de la Mujer y la Policía "
            "para lideresas amenazadas, con una persona de contacto las 24 horas. Borås rediseñó "
            "su protocolo de casas de acogida según el modelo de Popayán, con una sola vía de "
            "contacto."
        ),
    },
    "lessons": {
        "sv": (
            "Säkerhetsläget i Cauca gjorde att ett planerat besök på landsbygden ställdes in. "
            "Vi har lärt oss att aldrig publicera namn eller bilder på ledarna och att dela "
            "dokument bara i partnerskapets arbetsyta."
        ),
        "es": (
            "Por la situación de seguridad en el Cauca se canceló una visita prevista a la zona "
            "rural. Aprendimos a no publicar nunca nombres ni fotos de las lideresas y a "
            "compartir documentos solo en el espacio de trabajo de la alianza."
        ),
    },
    "next_steps": {
        "sv": (
            "2025 utbildar vi handläggare i båda kommunerna i riskbedömning och bjuder in "
            "ledare från Popayán till Borås för att berätta om kvinnors fredsarbete."
        ),
        "es": (
            "En 2025 capacitaremos al personal de ambas alcaldías en valoración del riesgo e "
            "invitaremos a lideresas de Popayán a Borås para contar el trabajo de las mujeres "
            "por la paz."
        ),
    },
}

BORAS_2025 = {
    "activities": {
        "sv": (
            "32 handläggare i Borås och 25 i Popayán gick utbildningen i riskbedömning. Tre "
            "ledare från Popayán besökte Borås i oktober och talade på Stadsbiblioteket och i "
            "två gymnasieskolor."
        ),
        "es": (
            "32 funcionarias y funcionarios de Borås y 25 de Popayán hicieron la capacitación en "
            "valoración del riesgo. Tres lideresas de Popayán visitaron Borås en octubre y "
            "hablaron en la Biblioteca Municipal y en dos colegios."
        ),
    },
    "results": {
        "sv": (
            "Båda kommunerna använder nu samma frågeformulär för riskbedömning. I Popayán fick "
            "19 hotade ledare skydd via den gemensamma rutinen, och ingen av dem skadades."
        ),
        "es": (
            "Ambas alcaldías usan ahora el mismo formulario de valoración del riesgo. En Popayán, "
            "19 lideresas amenazadas recibieron protección a través de la ruta conjunta y "
            "ninguna sufrió daños."
        ),
    },
    "lessons": {
        "sv": (
            "Rapporten blev sen: Secretaría de la Mujer i Popayán omorganiserades i december "
            "och vår kontaktperson fick nya uppgifter. Vi behöver två kontaktpersoner per sida."
        ),
        "es": (
            "El informe se retrasó: la Secretaría de la Mujer de Popayán se reorganizó en "
            "diciembre y nuestra persona de contacto asumió otras funciones. Necesitamos dos "
            "personas de contacto por cada lado."
        ),
    },
    "next_steps": {
        "sv": (
            "2026 tar vi fram ett gemensamt stödmaterial om skydd för kvinnor som hotas, på "
            "svenska och spanska."
        ),
        "es": (
            "En 2026 elaboraremos un material conjunto sobre protección de mujeres amenazadas, "
            "en sueco y español."
        ),
    },
}

REPORT_TEXTS = {
    ("0761", 2024): LESSEBO_2024,
    ("0761", 2025): LESSEBO_2025,
    ("1490", 2024): BORAS_2024,
    ("1490", 2025): BORAS_2025,
}
