"""Demo content for Petitio: texts of a fictional Belgian human-rights organisation.

Pure data, no logic. Every user-facing text exists in three languages, keyed by
language code: "fr" (Belgian French), "nl" (Belgian Dutch) and "en" (British English).

Rich-text bodies are lists of ``(block_type, value)`` tuples where ``block_type`` is
``"heading"`` (plain text) or ``"paragraph"`` (HTML using only ``<p>``, ``<strong>``
and ``<em>``).

The organisation, its address, company number and email addresses are invented.
The facts about Xinjiang rely on public sources, notably the assessment published by
the UN Office of the High Commissioner for Human Rights (OHCHR) on 31 August 2022.
"""

LANGUAGES = ("fr", "nl", "en")

ORGANISATION = {
    "name": {
        "fr": "Voix pour les Droits Belgique",
        "nl": "Stem voor de Rechten België",
        "en": "Voices for Rights Belgium",
    },
    "registration_number": "BE 0000.000.000",
    "address": {
        "fr": "Rue de l’Exemple 1, 1000 Bruxelles",
        "nl": "Voorbeeldstraat 1, 1000 Brussel",
        "en": "Rue de l’Exemple 1, 1000 Brussels",
    },
    "privacy_email": "privacy@example.org",
    "contact_email": "info@example.org",
}

UYGHUR_PETITION = {
    "slug": "stop-xinjiang-persecution",
    "goal": 25000,
    "themes": ["china"],
    "fr": {
        "title": "Xinjiang : libérez les Ouïghours détenus arbitrairement",
        "lead": (
            "Depuis 2017, des centaines de milliers d’Ouïghours, de Kazakhs et de membres "
            "d’autres minorités majoritairement musulmanes ont été enfermés au Xinjiang, "
            "souvent sans inculpation ni procès. Demandons ensemble à Pékin de les libérer et "
            "de mettre fin à la répression."
        ),
        "target": "Les autorités de la République populaire de Chine",
        "demand": (
            "Nous vous demandons de libérer sans délai toutes les personnes détenues sans "
            "fondement légal dans les camps et les prisons du Xinjiang, de mettre fin à la "
            "surveillance de masse et aux détentions arbitraires qui visent les Ouïghours et "
            "les autres minorités musulmanes, et d’accorder aux enquêteurs indépendants des "
            "Nations unies un accès libre et sans entrave à la région."
        ),
        "body": [
            ("heading", "Une population sous surveillance permanente"),
            (
                "paragraph",
                "<p>Depuis 2017, les autorités chinoises mènent dans la région autonome "
                "ouïghoure du Xinjiang une campagne d’une ampleur inédite contre les Ouïghours, "
                "les Kazakhs et d’autres groupes ethniques majoritairement musulmans. "
                "Officiellement, il s’agit de lutter contre le « terrorisme » et "
                "l’« extrémisme ». Selon les estimations de chercheurs, des centaines de "
                "milliers de personnes, peut-être davantage, ont été privées de liberté.</p>",
            ),
            (
                "paragraph",
                "<p>Au quotidien, le contrôle est omniprésent : caméras à reconnaissance "
                "faciale, points de contrôle, fouille des téléphones, collecte de données "
                "biométriques. Des gestes ordinaires suffisent à éveiller les soupçons : "
                "<strong>avoir voyagé à l’étranger, rester en contact avec des proches vivant "
                "hors de Chine, prier ou porter le voile</strong>. Rien de tout cela n’est un "
                "délit, et pourtant de nombreuses personnes ont été arrêtées pour ces "
                "raisons.</p>",
            ),
            (
                "paragraph",
                "<p>Les autorités présentent les camps comme des « centres d’enseignement et "
                "de formation professionnelle » fréquentés volontairement. D’anciens détenus "
                "décrivent une tout autre réalité : endoctrinement politique forcé, interdiction "
                "de pratiquer leur religion, obligation de s’exprimer en mandarin, coups, "
                "privation de sommeil et autres formes de torture et de mauvais traitements. "
                "Beaucoup ont été enfermés sans inculpation ni procès, sans que leur famille "
                "sache où ils se trouvaient.</p>",
            ),
            ("heading", "De possibles crimes contre l’humanité"),
            (
                "paragraph",
                "<p>Le 31 août 2022, le Haut-Commissariat des Nations unies aux droits de "
                "l’homme a publié son évaluation de la situation au Xinjiang. Il conclut que de "
                "graves violations des droits humains y ont été commises et que la détention "
                "arbitraire et discriminatoire d’Ouïghours et de membres d’autres groupes "
                "majoritairement musulmans <em>pourrait constituer des crimes internationaux, "
                "en particulier des crimes contre l’humanité</em>. Des organisations de défense "
                "des droits humains et des chercheurs indépendants étaient parvenus à des "
                "constats similaires. Pékin affirme que les camps ont fermé, mais de nombreuses "
                "personnes restent en prison, souvent condamnées à de lourdes peines à l’issue "
                "de procès inéquitables, et leurs familles demeurent sans nouvelles.</p>",
            ),
            (
                "paragraph",
                "<p>La pression internationale compte. Chaque signature rappelle aux autorités "
                "chinoises, comme à notre propre gouvernement, que ces violations ne passent pas "
                "inaperçues. Nous remettrons la pétition à l’ambassade de la République "
                "populaire de Chine à Bruxelles et la transmettrons au ministre belge des "
                "Affaires étrangères, en lui demandant d’aborder la question à chaque contact "
                "diplomatique avec Pékin. <strong>Votre signature compte.</strong></p>",
            ),
        ],
        "thank_you": (
            "Merci ! Votre signature est confirmée et compte désormais. Partagez la pétition "
            "autour de vous : plus nous serons nombreux, plus notre message pèsera. Prochaine "
            "étape : nous la remettrons à l’ambassade de Chine à Bruxelles."
        ),
        "share_text": (
            "J’ai signé pour demander la libération des Ouïghours détenus arbitrairement au "
            "Xinjiang. Signez, vous aussi !"
        ),
        "search_description": (
            "Pétition : demandez à la Chine de libérer les Ouïghours détenus arbitrairement "
            "au Xinjiang et de mettre fin à la surveillance de masse."
        ),
    },
    "nl": {
        "title": "Xinjiang: laat de willekeurig opgesloten Oeigoeren vrij",
        "lead": (
            "Sinds 2017 zijn in Xinjiang honderdduizenden Oeigoeren, Kazachen en leden van "
            "andere overwegend islamitische minderheden opgesloten, vaak zonder aanklacht of "
            "proces. Vraag samen met ons aan Peking om hen vrij te laten en de repressie te "
            "stoppen."
        ),
        "target": "De autoriteiten van de Volksrepubliek China",
        "demand": (
            "Wij vragen u om iedereen die zonder wettelijke grond vastzit in de kampen en "
            "gevangenissen van Xinjiang onmiddellijk vrij te laten, de massasurveillance en de "
            "willekeurige opsluiting van Oeigoeren en andere islamitische minderheden te "
            "stoppen, en onafhankelijke VN-onderzoekers vrije en onbelemmerde toegang tot de "
            "regio te geven."
        ),
        "body": [
            ("heading", "Een bevolking onder permanent toezicht"),
            (
                "paragraph",
                "<p>Sinds 2017 voeren de Chinese autoriteiten in de Autonome Oeigoerse Regio "
                "Xinjiang een ongeziene campagne tegen Oeigoeren, Kazachen en andere overwegend "
                "islamitische bevolkingsgroepen. Officieel gaat het om de strijd tegen "
                "‘terrorisme’ en ‘extremisme’. Volgens schattingen van onderzoekers zijn "
                "honderdduizenden mensen opgesloten, mogelijk zelfs meer.</p>",
            ),
            (
                "paragraph",
                "<p>Het dagelijkse leven staat onder voortdurende controle: camera’s met "
                "gezichtsherkenning, controleposten, telefoons die worden doorzocht, het "
                "verzamelen van biometrische gegevens. Heel gewone dingen volstaan om verdacht "
                "te worden: <strong>naar het buitenland reizen, contact houden met familie "
                "buiten China, bidden of een hoofddoek dragen</strong>. Geen van die dingen is "
                "een misdrijf, en toch zijn talloze mensen daarvoor opgepakt.</p>",
            ),
            (
                "paragraph",
                "<p>De overheid stelt de kampen voor als ‘centra voor beroepsonderwijs en "
                "-opleiding’ waar mensen vrijwillig naartoe gaan. Voormalige gedetineerden "
                "vertellen een heel ander verhaal: verplichte politieke indoctrinatie, een "
                "verbod om hun godsdienst te beoefenen, de verplichting om Mandarijn te spreken, "
                "slagen, slaapberoving en andere vormen van foltering en mishandeling. Velen "
                "werden opgesloten zonder aanklacht of proces, zonder dat hun familie wist waar "
                "ze waren.</p>",
            ),
            ("heading", "Mogelijke misdaden tegen de menselijkheid"),
            (
                "paragraph",
                "<p>Op 31 augustus 2022 publiceerde het Bureau van de Hoge Commissaris voor de "
                "Mensenrechten van de VN zijn evaluatie van de situatie in Xinjiang. Het besluit "
                "dat er ernstige mensenrechtenschendingen zijn gepleegd en dat de willekeurige "
                "en discriminerende opsluiting van Oeigoeren en leden van andere overwegend "
                "islamitische groepen <em>internationale misdrijven kan inhouden, in het "
                "bijzonder misdaden tegen de menselijkheid</em>. Mensenrechtenorganisaties en "
                "onafhankelijke onderzoekers kwamen eerder al tot gelijkaardige vaststellingen. "
                "Peking beweert dat de kampen gesloten zijn, maar veel mensen zitten nog altijd "
                "in de gevangenis, vaak veroordeeld tot zware straffen na oneerlijke processen, "
                "en hun families blijven zonder nieuws.</p>",
            ),
            (
                "paragraph",
                "<p>Internationale druk doet ertoe. Elke handtekening toont de Chinese "
                "autoriteiten, en ook onze eigen regering, dat deze schendingen niet "
                "onopgemerkt blijven. We overhandigen de petitie aan de ambassade van de "
                "Volksrepubliek China in Brussel en bezorgen ze aan de Belgische minister van "
                "Buitenlandse Zaken, met de vraag om dit bij elk diplomatiek contact met Peking "
                "aan te kaarten. <strong>Uw handtekening telt.</strong></p>",
            ),
        ],
        "thank_you": (
            "Bedankt! Uw handtekening is bevestigd en telt mee. Deel de petitie met vrienden en "
            "familie: hoe meer handtekeningen, hoe sterker ons signaal. Volgende stap: we "
            "overhandigen de petitie aan de Chinese ambassade in Brussel."
        ),
        "share_text": (
            "Ik heb getekend: China moet de willekeurig opgesloten Oeigoeren in Xinjiang "
            "vrijlaten. Teken jij ook?"
        ),
        "search_description": (
            "Petitie: vraag China om de willekeurig opgesloten Oeigoeren in Xinjiang vrij te "
            "laten en de massasurveillance te stoppen."
        ),
    },
    "en": {
        "title": "Xinjiang: free the Uyghurs held arbitrarily",
        "lead": (
            "Since 2017, hundreds of thousands of Uyghurs, Kazakhs and members of other "
            "predominantly Muslim minorities have been locked up in Xinjiang, often without "
            "charge or trial. Join us in calling on Beijing to release them and end the "
            "repression."
        ),
        "target": "The authorities of the People’s Republic of China",
        "demand": (
            "We call on you to release without delay everyone held without legal basis in the "
            "camps and prisons of Xinjiang, to end the mass surveillance and arbitrary "
            "detention of Uyghurs and other Muslim minorities, and to grant independent UN "
            "investigators free and unhindered access to the region."
        ),
        "body": [
            ("heading", "A population under constant watch"),
            (
                "paragraph",
                "<p>Since 2017, the Chinese authorities have waged a campaign of unprecedented "
                "scale in the Xinjiang Uyghur Autonomous Region against Uyghurs, Kazakhs and "
                "other predominantly Muslim ethnic groups. Officially, the aim is to fight "
                "‘terrorism’ and ‘extremism’. Researchers estimate that hundreds of thousands "
                "of people, possibly more, have been deprived of their liberty.</p>",
            ),
            (
                "paragraph",
                "<p>Surveillance pervades daily life: facial-recognition cameras, checkpoints, "
                "phone searches and the collection of biometric data. Ordinary acts are enough "
                "to arouse suspicion: <strong>travelling abroad, keeping in touch with relatives "
                "outside China, praying or wearing a headscarf</strong>. None of this is a "
                "crime, yet many people have been detained for it.</p>",
            ),
            (
                "paragraph",
                "<p>The authorities describe the camps as ‘vocational skills education and "
                "training centres’ attended voluntarily. Former detainees tell a very different "
                "story: forced political indoctrination, bans on practising their religion, "
                "being made to speak Mandarin, beatings, sleep deprivation and other forms of "
                "torture and ill-treatment. Many were held without charge or trial, and their "
                "families were not told where they were.</p>",
            ),
            ("heading", "Possible crimes against humanity"),
            (
                "paragraph",
                "<p>On 31 August 2022, the UN Office of the High Commissioner for Human Rights "
                "published its assessment of the situation in Xinjiang. It concluded that "
                "serious human rights violations have been committed there and that the "
                "arbitrary and discriminatory detention of Uyghurs and members of other "
                "predominantly Muslim groups <em>may constitute international crimes, in "
                "particular crimes against humanity</em>. Human rights organisations and "
                "independent researchers had reached similar findings. Beijing says the camps "
                "have closed, but many people remain in prison, often sentenced to long terms "
                "after unfair trials, and their families are left without news.</p>",
            ),
            (
                "paragraph",
                "<p>International pressure matters. Every signature tells the Chinese "
                "authorities, and our own government, that these abuses are not going "
                "unnoticed. We will deliver the petition to the Embassy of the People’s "
                "Republic of China in Brussels and send it to the Belgian Minister of Foreign "
                "Affairs, asking that the issue be raised in every diplomatic contact with "
                "Beijing. <strong>Your signature counts.</strong></p>",
            ),
        ],
        "thank_you": (
            "Thank you! Your signature has been confirmed and now counts. Please share the "
            "petition with friends and family: the more of us there are, the stronger our "
            "message. Next step: we will deliver it to the Chinese Embassy in Brussels."
        ),
        "share_text": (
            "I’ve signed: China must free the Uyghurs held arbitrarily in Xinjiang. Will you "
            "add your name?"
        ),
        "search_description": (
            "Petition: call on China to free the Uyghurs held arbitrarily in Xinjiang and to "
            "end mass surveillance."
        ),
    },
}

SECOND_PETITION = {
    "slug": "protect-human-rights-defenders",
    "goal": 10000,
    "themes": ["human-rights-defenders"],
    "fr": {
        "title": "Défenseurs des droits humains en danger : la Belgique doit agir",
        "lead": (
            "Partout dans le monde, des femmes et des hommes sont menacés, emprisonnés ou tués "
            "parce qu’ils défendent les droits d’autrui. La Belgique peut les soutenir "
            "concrètement : demandons-lui de le faire."
        ),
        "target": "Le ministre belge des Affaires étrangères",
        "demand": (
            "Nous vous demandons d’utiliser tous les canaux diplomatiques à votre disposition "
            "pour soutenir les défenseurs des droits humains en danger, de charger nos "
            "ambassades de suivre leurs procès et de leur rendre visite en détention, et de "
            "mettre en place une procédure rapide de visas humanitaires pour celles et ceux "
            "qui doivent fuir un danger imminent."
        ),
        "body": [
            ("heading", "Un travail essentiel, payé au prix fort"),
            (
                "paragraph",
                "<p>Avocates, journalistes, syndicalistes, militants écologistes, défenseurs des "
                "droits des peuples autochtones ou des personnes LGBTI : les défenseurs des "
                "droits humains documentent les abus, accompagnent les victimes et demandent des "
                "comptes aux pouvoirs en place. En 1998, l’Assemblée générale des Nations unies "
                "a adopté une déclaration qui reconnaît leur rôle et souligne le devoir des "
                "États de les protéger.</p>",
            ),
            (
                "paragraph",
                "<p>Dans de nombreux pays, cet engagement a un prix : campagnes de dénigrement, "
                "surveillance, poursuites judiciaires abusives, détention arbitraire, "
                "agressions. Selon les organisations qui recensent ces attaques, des centaines "
                "de défenseurs sont tués chaque année.</p>",
            ),
            (
                "paragraph",
                "<p><strong>Un soutien venu de l’étranger peut changer la donne.</strong> Une "
                "déclaration publique, la présence de diplomates à une audience ou une visite "
                "en prison rappellent aux autorités que le monde regarde. Et lorsqu’une personne "
                "doit quitter son pays dans l’urgence, un visa délivré rapidement peut lui "
                "sauver la vie.</p>",
            ),
            ("heading", "Ce que nous demandons à la Belgique"),
            (
                "paragraph",
                "<p>En tant qu’État membre de l’Union européenne, la Belgique s’est engagée à "
                "appliquer les orientations de l’UE concernant les défenseurs des droits de "
                "l’homme. Nous lui demandons de traduire cet engagement en actes : des "
                "instructions claires à toutes ses ambassades, des contacts réguliers avec les "
                "défenseurs sur le terrain, une présence aux procès et des prises de position "
                "publiques lorsqu’elles sont utiles et souhaitées par les personnes "
                "concernées.</p>",
            ),
            (
                "paragraph",
                "<p>Nous demandons aussi une procédure de visa humanitaire rapide et "
                "transparente pour les défenseurs exposés à un danger imminent et pour leurs "
                "proches, ainsi qu’un soutien aux programmes d’accueil temporaire qui leur "
                "permettent de se mettre à l’abri avant de reprendre leur travail. Votre "
                "signature nous aidera à porter ces demandes auprès du ministre.</p>",
            ),
        ],
        "thank_you": (
            "Merci, votre signature est bien confirmée. Aidez-nous à convaincre plus de monde "
            "en partageant la pétition autour de vous. Prochaine étape : nous la remettrons au "
            "ministre des Affaires étrangères et solliciterons un rendez-vous pour en discuter."
        ),
        "share_text": (
            "Des défenseurs des droits humains risquent leur vie pour nos droits. J’ai signé "
            "pour que la Belgique les protège. Signez, vous aussi !"
        ),
        "search_description": (
            "Pétition : demandez au ministre belge des Affaires étrangères de protéger les "
            "défenseurs des droits humains en danger."
        ),
    },
    "nl": {
        "title": "Mensenrechtenverdedigers in gevaar: België moet in actie komen",
        "lead": (
            "Overal ter wereld worden mensen bedreigd, opgesloten of vermoord omdat ze opkomen "
            "voor de rechten van anderen. België kan hen concreet steunen. Vraag samen met ons "
            "dat ons land dat ook doet."
        ),
        "target": "De Belgische minister van Buitenlandse Zaken",
        "demand": (
            "Wij vragen u om alle diplomatieke kanalen te gebruiken om mensenrechtenverdedigers "
            "in gevaar te steunen, onze ambassades de opdracht te geven hun processen te volgen "
            "en hen in de gevangenis te bezoeken, en een snelle procedure voor humanitaire "
            "visa in te voeren voor wie dringend moet vluchten."
        ),
        "body": [
            ("heading", "Onmisbaar werk, met een hoge prijs"),
            (
                "paragraph",
                "<p>Advocaten, journalisten, vakbondsmensen, milieuactivisten, mensen die "
                "opkomen voor de rechten van inheemse volken of van LGBTI-personen: "
                "mensenrechtenverdedigers brengen misbruiken aan het licht, staan slachtoffers "
                "bij en roepen machthebbers ter verantwoording. In 1998 keurde de Algemene "
                "Vergadering van de Verenigde Naties een verklaring goed die hun rol erkent en "
                "de plicht van staten om hen te beschermen benadrukt.</p>",
            ),
            (
                "paragraph",
                "<p>In veel landen betalen ze daarvoor een hoge prijs: lastercampagnes, "
                "bespionering, onterechte vervolging, willekeurige opsluiting, fysiek geweld. "
                "Volgens organisaties die deze aanvallen bijhouden, worden elk jaar honderden "
                "mensenrechtenverdedigers vermoord.</p>",
            ),
            (
                "paragraph",
                "<p><strong>Steun uit het buitenland kan het verschil maken.</strong> Een "
                "publieke verklaring, diplomaten in de rechtszaal of een bezoek in de gevangenis "
                "tonen de autoriteiten dat de wereld meekijkt. En voor wie halsoverkop het land "
                "moet verlaten, kan een snel uitgereikt visum levensreddend zijn.</p>",
            ),
            ("heading", "Wat we van België vragen"),
            (
                "paragraph",
                "<p>Als lidstaat van de Europese Unie heeft België zich ertoe verbonden de "
                "EU-richtsnoeren inzake mensenrechtenverdedigers toe te passen. We vragen dat "
                "die belofte in daden wordt omgezet: duidelijke instructies aan alle "
                "ambassades, regelmatig contact met verdedigers ter plaatse, aanwezigheid op "
                "processen en publieke standpunten wanneer die helpen en de betrokkenen dat zelf "
                "willen.</p>",
            ),
            (
                "paragraph",
                "<p>Daarnaast vragen we een snelle en transparante procedure voor humanitaire "
                "visa voor verdedigers in acuut gevaar en hun naasten, en steun voor "
                "programma’s die hen tijdelijk opvangen, zodat ze op adem kunnen komen en daarna "
                "hun werk kunnen hervatten. Met uw handtekening kunnen we die vragen met meer "
                "kracht aan de minister voorleggen.</p>",
            ),
        ],
        "thank_you": (
            "Bedankt, uw handtekening is bevestigd. Help ons meer mensen te overtuigen en deel "
            "de petitie in uw omgeving. Volgende stap: we overhandigen de petitie aan de "
            "minister van Buitenlandse Zaken en vragen om een gesprek."
        ),
        "share_text": (
            "Mensenrechtenverdedigers riskeren hun leven voor onze rechten. Ik heb getekend: "
            "België moet hen beter beschermen. Teken jij ook?"
        ),
        "search_description": (
            "Petitie: vraag de Belgische minister van Buitenlandse Zaken om "
            "mensenrechtenverdedigers in gevaar te beschermen."
        ),
    },
    "en": {
        "title": "Human rights defenders at risk: Belgium must act",
        "lead": (
            "Around the world, people are threatened, imprisoned or killed for standing up for "
            "the rights of others. Belgium can support them in practical ways, so let’s ask it "
            "to do so."
        ),
        "target": "The Belgian Minister of Foreign Affairs",
        "demand": (
            "We call on you to use every diplomatic channel available to support human rights "
            "defenders at risk, to instruct our embassies to observe their trials and visit "
            "them in detention, and to set up a fast-track humanitarian visa procedure for "
            "those who must flee imminent danger."
        ),
        "body": [
            ("heading", "Vital work, at a heavy price"),
            (
                "paragraph",
                "<p>Lawyers, journalists, trade unionists, environmental activists, people "
                "defending the rights of Indigenous peoples or of LGBTI people: human rights "
                "defenders expose abuses, stand by victims and hold those in power to account. "
                "In 1998, the United Nations General Assembly adopted a declaration that "
                "recognises their role and stresses the duty of states to protect them.</p>",
            ),
            (
                "paragraph",
                "<p>In many countries, this work comes at a heavy cost: smear campaigns, "
                "surveillance, abusive prosecutions, arbitrary detention and physical attacks. "
                "According to the organisations that monitor these attacks, hundreds of "
                "defenders are killed every year.</p>",
            ),
            (
                "paragraph",
                "<p><strong>Support from abroad can make a real difference.</strong> A public "
                "statement, diplomats attending a hearing or a prison visit remind the "
                "authorities that the world is watching. And when someone has to leave their "
                "country in a hurry, a visa issued quickly can save their life.</p>",
            ),
            ("heading", "What we are asking Belgium to do"),
            (
                "paragraph",
                "<p>As a member state of the European Union, Belgium is committed to applying "
                "the EU Guidelines on Human Rights Defenders. We are asking it to turn that "
                "commitment into action: clear instructions to every embassy, regular contact "
                "with defenders on the ground, attendance at trials, and public statements "
                "whenever they help and the people concerned want them.</p>",
            ),
            (
                "paragraph",
                "<p>We are also calling for a fast, transparent humanitarian visa procedure for "
                "defenders in immediate danger and their families, and for support for temporary "
                "relocation programmes that let them find safety before resuming their work. "
                "Your signature will help us put these demands to the Minister with greater "
                "force.</p>",
            ),
        ],
        "thank_you": (
            "Thank you, your signature has been confirmed. Help us reach more people by sharing "
            "the petition with those around you. Next step: we will hand it to the Minister of "
            "Foreign Affairs and request a meeting to discuss it."
        ),
        "share_text": (
            "Human rights defenders risk their lives for our rights. I’ve signed to ask Belgium "
            "to protect them. Will you join me?"
        ),
        "search_description": (
            "Petition: ask the Belgian Minister of Foreign Affairs to support and protect human "
            "rights defenders at risk abroad."
        ),
    },
}

HOME_PAGE = {
    "fr": {
        "title": "Ensemble pour les droits humains",
        "intro": (
            "Nous sommes une association belge indépendante qui défend les droits humains "
            "partout dans le monde. Signez nos pétitions et faites entendre votre voix là où "
            "les décisions se prennent."
        ),
        "featured_heading": "Campagne en cours",
    },
    "nl": {
        "title": "Samen voor mensenrechten",
        "intro": (
            "Wij zijn een onafhankelijke Belgische vereniging die overal ter wereld opkomt "
            "voor mensenrechten. Teken onze petities en laat uw stem horen waar de beslissingen "
            "vallen."
        ),
        "featured_heading": "Lopende campagne",
    },
    "en": {
        "title": "Standing together for human rights",
        "intro": (
            "We are an independent Belgian organisation defending human rights around the "
            "world. Sign our petitions and make your voice heard where decisions are made."
        ),
        "featured_heading": "Current campaign",
    },
}

PRIVACY_CHARTER = {
    "fr": {
        "title": "Charte vie privée",
        "body": [
            (
                "paragraph",
                "<p>Lorsque vous signez une pétition sur ce site, vous nous confiez des données "
                "personnelles. Cette charte explique simplement ce que nous en faisons, et ce "
                "que nous n’en ferons jamais.</p>",
            ),
            ("heading", "Qui est responsable de vos données ?"),
            (
                "paragraph",
                "<p>Le responsable du traitement est Voix pour les Droits Belgique ASBL, "
                "Rue de l’Exemple 1, 1000 Bruxelles. Pour toute question relative à la vie "
                "privée, écrivez-nous à privacy@example.org.</p>",
            ),
            ("heading", "Les données que nous collectons"),
            (
                "paragraph",
                "<p>Lorsque vous signez, nous vous demandons votre prénom, votre nom, votre "
                "adresse e-mail et votre pays. Si vous le souhaitez, vous pouvez aussi indiquer "
                "votre code postal et cocher une case pour recevoir notre newsletter. Nous "
                "enregistrons également la date et l’heure de votre signature et de sa "
                "confirmation. Nous ne vous demandons jamais votre numéro de téléphone, votre "
                "adresse complète ni votre date de naissance.</p>",
            ),
            ("heading", "Pourquoi nous les collectons"),
            (
                "paragraph",
                "<p>Ces données servent à une seule chose : compter votre signature, une seule "
                "fois, et remettre la pétition à son destinataire. Votre adresse e-mail nous "
                "permet de vérifier que chaque signature est unique et confirmée ; votre pays "
                "montre d’où vient le soutien. Votre code postal, si vous l’indiquez, ne sert "
                "qu’à des statistiques globales. Nous ne vous envoyons notre newsletter que si "
                "vous avez coché la case prévue à cet effet. La base légale de ces traitements "
                "est votre consentement (article 6.1.a du RGPD).</p>",
            ),
            ("heading", "La confirmation par e-mail"),
            (
                "paragraph",
                "<p>Après avoir signé, vous recevez un e-mail contenant un lien de confirmation. "
                "Votre signature n’est comptée qu’une fois ce lien activé : cela évite les "
                "doublons et les signatures faites au nom d’autrui. Si vous ne confirmez pas, "
                "votre signature n’est jamais comptabilisée et vos données sont supprimées "
                "après 7 jours.</p>",
            ),
            ("heading", "Ce que nous transmettons, et ce que nous ne transmettons jamais"),
            (
                "paragraph",
                "<p>Nous ne vendons, ne louons et n’échangeons <strong>jamais</strong> vos "
                "données. Lors de la remise d’une pétition, son destinataire reçoit uniquement "
                "le nombre total de signatures et leur répartition par pays : aucun nom, aucune "
                "adresse e-mail, aucune autre coordonnée. Nos prestataires techniques "
                "(hébergement et envoi des e-mails) ne traitent vos données que pour nous "
                "fournir ces services, sur nos instructions et dans le cadre d’un contrat "
                "conforme au RGPD.</p>",
            ),
            ("heading", "Combien de temps nous conservons vos données"),
            (
                "paragraph",
                "<p>Les signatures non confirmées sont supprimées après 7 jours. Les données "
                "personnelles liées aux signatures confirmées sont effacées une fois la pétition "
                "remise à son destinataire, et au plus tard six mois après cette remise. Seuls "
                "subsistent des chiffres anonymes : le total et la répartition par pays. Si "
                "vous avez demandé à recevoir notre newsletter, nous conservons votre prénom et "
                "votre adresse e-mail à cette fin jusqu’à votre désinscription.</p>",
            ),
            ("heading", "Sécurité"),
            (
                "paragraph",
                "<p>Vos données sont conservées sous forme chiffrée et transmises par une "
                "connexion sécurisée (HTTPS). Seules quelques personnes de notre équipe y ont "
                "accès, et uniquement pour les besoins de la campagne. Le site ne charge aucun "
                "traceur, aucune police de caractères ni aucun script provenant de tiers : votre "
                "visite n’est donc signalée ni à des régies publicitaires ni à des réseaux "
                "sociaux. Les boutons de partage sont de simples liens, sans script "
                "intégré.</p>",
            ),
            ("heading", "Vos droits"),
            (
                "paragraph",
                "<p>Conformément au RGPD, vous pouvez à tout moment accéder à vos données, les "
                "faire rectifier ou effacer, en faire limiter le traitement, en recevoir une "
                "copie dans un format courant et vous opposer à leur traitement. Vous pouvez "
                "retirer à tout moment votre consentement à la newsletter, grâce au lien de "
                "désinscription présent dans chaque envoi ou en nous écrivant. Nous répondons à "
                "chaque demande dans un délai d’un mois. Si vous estimez que vos droits ne sont "
                "pas respectés, vous pouvez introduire une plainte auprès de l’Autorité de "
                "protection des données (www.autoriteprotectiondonnees.be).</p>",
            ),
            ("heading", "Nous contacter"),
            (
                "paragraph",
                "<p>Pour exercer vos droits ou pour toute question sur cette charte, écrivez à "
                "<strong>privacy@example.org</strong>. Pour toute autre question : "
                "info@example.org.</p>",
            ),
        ],
    },
    "nl": {
        "title": "Privacycharter",
        "body": [
            (
                "paragraph",
                "<p>Wanneer u op deze site een petitie tekent, vertrouwt u ons persoonsgegevens "
                "toe. In dit charter leggen we in eenvoudige woorden uit wat we ermee doen, en "
                "wat we er nooit mee zullen doen.</p>",
            ),
            ("heading", "Wie is verantwoordelijk voor uw gegevens?"),
            (
                "paragraph",
                "<p>Verwerkingsverantwoordelijke is Stem voor de Rechten België vzw, "
                "Voorbeeldstraat 1, 1000 Brussel. Met al uw vragen over privacy kunt u terecht "
                "op privacy@example.org.</p>",
            ),
            ("heading", "Welke gegevens we verzamelen"),
            (
                "paragraph",
                "<p>Wanneer u tekent, vragen we uw voornaam, familienaam, e-mailadres en land. "
                "Als u dat wilt, kunt u ook uw postcode invullen en een vakje aanvinken om onze "
                "nieuwsbrief te ontvangen. We registreren ook de datum en het tijdstip van uw "
                "handtekening en van de bevestiging ervan. We vragen nooit naar uw "
                "telefoonnummer, uw volledige adres of uw geboortedatum.</p>",
            ),
            ("heading", "Waarom we die gegevens verzamelen"),
            (
                "paragraph",
                "<p>Die gegevens dienen maar voor één ding: uw handtekening één keer meetellen "
                "en de petitie aan de bestemmeling overhandigen. Met uw e-mailadres controleren "
                "we of elke handtekening uniek en bevestigd is; uw land toont waar de steun "
                "vandaan komt. Uw postcode, als u die invult, gebruiken we alleen voor algemene "
                "statistieken. Onze nieuwsbrief sturen we u enkel als u daarvoor het vakje hebt "
                "aangevinkt. De rechtsgrond voor deze verwerking is uw toestemming (artikel "
                "6.1.a AVG).</p>",
            ),
            ("heading", "Bevestiging per e-mail"),
            (
                "paragraph",
                "<p>Nadat u getekend hebt, ontvangt u een e-mail met een bevestigingslink. Uw "
                "handtekening telt pas mee wanneer u op die link klikt: zo voorkomen we dubbele "
                "handtekeningen en handtekeningen op naam van iemand anders. Bevestigt u niet, "
                "dan wordt uw handtekening nooit meegeteld en worden uw gegevens na 7 dagen "
                "gewist.</p>",
            ),
            ("heading", "Wat we doorgeven, en wat nooit"),
            (
                "paragraph",
                "<p>We verkopen, verhuren of ruilen uw gegevens <strong>nooit</strong>. Bij de "
                "overhandiging van een petitie krijgt de bestemmeling enkel het totale aantal "
                "handtekeningen en het aantal per land: geen namen, geen e-mailadressen, geen "
                "andere contactgegevens. Onze technische dienstverleners (hosting en verzending "
                "van e-mails) verwerken uw gegevens alleen om die diensten te leveren, volgens "
                "onze instructies en op basis van een contract dat aan de AVG voldoet.</p>",
            ),
            ("heading", "Hoe lang we uw gegevens bewaren"),
            (
                "paragraph",
                "<p>Niet-bevestigde handtekeningen worden na 7 dagen gewist. De persoonsgegevens "
                "bij bevestigde handtekeningen worden gewist zodra de petitie aan de "
                "bestemmeling is overhandigd, en uiterlijk zes maanden na die overhandiging. "
                "Wat overblijft, zijn anonieme cijfers: het totaal en de verdeling per land. "
                "Hebt u gevraagd om onze nieuwsbrief te ontvangen, dan bewaren we daarvoor uw "
                "voornaam en e-mailadres tot u zich uitschrijft.</p>",
            ),
            ("heading", "Beveiliging"),
            (
                "paragraph",
                "<p>Uw gegevens worden versleuteld opgeslagen en via een beveiligde verbinding "
                "(HTTPS) verstuurd. Slechts enkele leden van ons team hebben er toegang toe, en "
                "alleen voor de noden van de campagne. De site laadt geen trackers, lettertypes "
                "of scripts van derden: uw bezoek wordt dus niet doorgegeven aan "
                "advertentienetwerken of sociale media. De deelknoppen zijn gewone links, zonder "
                "ingebouwde scripts.</p>",
            ),
            ("heading", "Uw rechten"),
            (
                "paragraph",
                "<p>Volgens de AVG kunt u uw gegevens op elk moment inkijken, laten verbeteren "
                "of wissen, de verwerking ervan laten beperken, er een kopie van krijgen in een "
                "gangbaar formaat en u tegen de verwerking verzetten. Uw toestemming voor de "
                "nieuwsbrief kunt u altijd intrekken, via de uitschrijflink in elke mailing of "
                "door ons te mailen. We beantwoorden elke vraag binnen een maand. Vindt u dat "
                "uw rechten niet worden gerespecteerd, dan kunt u een klacht indienen bij de "
                "Gegevensbeschermingsautoriteit (www.gegevensbeschermingsautoriteit.be).</p>",
            ),
            ("heading", "Contact"),
            (
                "paragraph",
                "<p>Om uw rechten uit te oefenen of met vragen over dit charter kunt u mailen "
                "naar <strong>privacy@example.org</strong>. Voor alle andere vragen: "
                "info@example.org.</p>",
            ),
        ],
    },
    "en": {
        "title": "Privacy charter",
        "body": [
            (
                "paragraph",
                "<p>When you sign a petition on this site, you entrust us with personal data. "
                "This charter explains in plain language what we do with it, and what we will "
                "never do.</p>",
            ),
            ("heading", "Who is responsible for your data?"),
            (
                "paragraph",
                "<p>The data controller is Voices for Rights Belgium, a non-profit association "
                "based at Rue de l’Exemple 1, 1000 Brussels. For any privacy question, write to "
                "us at privacy@example.org.</p>",
            ),
            ("heading", "What we collect"),
            (
                "paragraph",
                "<p>When you sign, we ask for your first name, last name, email address and "
                "country. If you wish, you can also give your postcode and tick a box to "
                "receive our newsletter. We also record the date and time of your signature and "
                "of its confirmation. We never ask for your phone number, full postal address "
                "or date of birth.</p>",
            ),
            ("heading", "Why we collect it"),
            (
                "paragraph",
                "<p>This data serves a single purpose: to count your signature, once, and to "
                "deliver the petition to its target. Your email address lets us check that each "
                "signature is unique and confirmed; your country shows where support comes "
                "from. Your postcode, if you give it, is only used for aggregate statistics. We "
                "only send you our newsletter if you ticked the box for it. The legal basis for "
                "this processing is your consent (Article 6(1)(a) GDPR).</p>",
            ),
            ("heading", "Email confirmation"),
            (
                "paragraph",
                "<p>After signing, you will receive an email with a confirmation link. Your "
                "signature only counts once you have clicked that link: this prevents "
                "duplicates and signatures made in someone else’s name. If you do not confirm, "
                "your signature is never counted and your data is deleted after 7 days.</p>",
            ),
            ("heading", "What we pass on, and what we never pass on"),
            (
                "paragraph",
                "<p>We <strong>never</strong> sell, rent or swap your data. When a petition is "
                "delivered, its target receives only the total number of signatures and the "
                "number per country: no names, no email addresses, no other contact details. "
                "Our technical providers (hosting and email delivery) process your data only to "
                "provide these services, on our instructions and under a GDPR-compliant "
                "contract.</p>",
            ),
            ("heading", "How long we keep your data"),
            (
                "paragraph",
                "<p>Unconfirmed signatures are deleted after 7 days. Personal data linked to "
                "confirmed signatures is erased once the petition has been delivered to its "
                "target, and at the latest six months after delivery. Only anonymous figures "
                "remain: the total and the breakdown by country. If you asked to receive our "
                "newsletter, we keep your first name and email address for that purpose until "
                "you unsubscribe.</p>",
            ),
            ("heading", "Security"),
            (
                "paragraph",
                "<p>Your data is stored encrypted and sent over a secure (HTTPS) connection. "
                "Only a few members of our team can access it, and only for the purposes of the "
                "campaign. The site loads no trackers, fonts or scripts from third parties, so "
                "your visit is not reported to advertisers or social networks. The share "
                "buttons are plain links, with no embedded scripts.</p>",
            ),
            ("heading", "Your rights"),
            (
                "paragraph",
                "<p>Under the GDPR, you can at any time access your data, have it corrected or "
                "erased, restrict its processing, receive a copy in a common format and object "
                "to its processing. You can withdraw your consent to the newsletter at any "
                "time, using the unsubscribe link in every mailing or by writing to us. We "
                "reply to every request within one month. If you believe your rights have not "
                "been respected, you can lodge a complaint with the Belgian Data Protection "
                "Authority (www.dataprotectionauthority.be).</p>",
            ),
            ("heading", "Contact us"),
            (
                "paragraph",
                "<p>To exercise your rights or to ask anything about this charter, write to "
                "<strong>privacy@example.org</strong>. For any other question: "
                "info@example.org.</p>",
            ),
        ],
    },
}

CREDITS = {
    "fr": {
        "title": "Crédits",
        "body": [
            ("heading", "Logiciel"),
            (
                "paragraph",
                "<p>Ce site fonctionne avec <strong>Petitio</strong>, un logiciel libre de "
                "pétitions en ligne conçu pour les ONG de défense des droits humains et publié "
                "sous la licence GNU Affero General Public License, version 3 ou ultérieure "
                "(AGPL-3.0-or-later). Petitio repose sur <strong>Django</strong> et "
                "<strong>Wagtail</strong>, deux projets open source.</p>",
            ),
            ("heading", "Textes"),
            (
                "paragraph",
                "<p>Les textes ont été rédigés par l’équipe de Voix pour les Droits "
                "Belgique. Les informations sur la situation au Xinjiang s’appuient sur des "
                "sources publiques, notamment l’évaluation publiée le 31 août 2022 par le "
                "Haut-Commissariat des Nations unies aux droits de l’homme.</p>",
            ),
            ("heading", "Images"),
            (
                "paragraph",
                "<p>Ce site de démonstration n’utilise aucune photographie ; les éventuelles "
                "images ne sont que des illustrations provisoires.</p>",
            ),
            ("heading", "Contenu de démonstration"),
            (
                "paragraph",
                "<p><strong>Voix pour les Droits Belgique est une organisation "
                "fictive</strong>, inventée pour présenter Petitio. Son nom, son adresse, son "
                "numéro d’entreprise et ses adresses e-mail sont imaginaires. Les faits évoqués "
                "dans les pétitions, eux, sont bien réels.</p>",
            ),
        ],
    },
    "nl": {
        "title": "Colofon",
        "body": [
            ("heading", "Software"),
            (
                "paragraph",
                "<p>Deze site draait op <strong>Petitio</strong>, vrije software voor online "
                "petities, ontwikkeld voor mensenrechtenorganisaties en gepubliceerd onder de "
                "GNU Affero General Public License, versie 3 of later (AGPL-3.0-or-later). "
                "Petitio is gebouwd met <strong>Django</strong> en <strong>Wagtail</strong>, "
                "twee opensourceprojecten.</p>",
            ),
            ("heading", "Teksten"),
            (
                "paragraph",
                "<p>De teksten zijn geschreven door het team van Stem voor de Rechten België. De "
                "informatie over de situatie in Xinjiang steunt op openbare bronnen, waaronder "
                "de evaluatie die het Bureau van de Hoge Commissaris voor de Mensenrechten van "
                "de VN op 31 augustus 2022 publiceerde.</p>",
            ),
            ("heading", "Beeldmateriaal"),
            (
                "paragraph",
                "<p>Deze demosite gebruikt geen foto’s; eventuele afbeeldingen zijn louter "
                "tijdelijke plaatshouders.</p>",
            ),
            ("heading", "Demo-inhoud"),
            (
                "paragraph",
                "<p><strong>Stem voor de Rechten België is een fictieve organisatie</strong>, "
                "bedacht om Petitio voor te stellen. Naam, adres, ondernemingsnummer en "
                "e-mailadressen zijn verzonnen. De feiten waarnaar de petities verwijzen, zijn "
                "wel echt.</p>",
            ),
        ],
    },
    "en": {
        "title": "Credits",
        "body": [
            ("heading", "Software"),
            (
                "paragraph",
                "<p>This site runs on <strong>Petitio</strong>, free and open-source petition "
                "software built for human rights organisations and released under the GNU "
                "Affero General Public License, version 3 or later (AGPL-3.0-or-later). Petitio "
                "is built with <strong>Django</strong> and <strong>Wagtail</strong>, both "
                "open-source projects.</p>",
            ),
            ("heading", "Texts"),
            (
                "paragraph",
                "<p>The texts were written by the Voices for Rights Belgium team. The "
                "information on the situation in Xinjiang draws on public sources, including "
                "the assessment published by the UN Office of the High Commissioner for Human "
                "Rights on 31 August 2022.</p>",
            ),
            ("heading", "Images"),
            (
                "paragraph",
                "<p>This demo site uses no photographs; any images are simply placeholders.</p>",
            ),
            ("heading", "Demo content"),
            (
                "paragraph",
                "<p><strong>Voices for Rights Belgium is a fictional organisation</strong>, "
                "created to showcase Petitio. Its name, address, company number and email "
                "addresses are invented. The facts described in the petitions, however, are "
                "real.</p>",
            ),
        ],
    },
}


# Two finished campaigns, so the list of actions shows what happens after a petition.
# Fictional: the organisation, the figures and the outcomes are demo content.
CLOSED_PETITION = {
    "slug": "free-imprisoned-journalists",
    "goal": 15000,
    "themes": ["freedom-of-expression"],
    "fr": {
        "title": "Libérez les journalistes emprisonnés pour leur travail",
        "lead": "Dans de nombreux pays, des journalistes sont détenus pour avoir fait leur "
        "métier. Nous avons demandé à la Belgique de porter leur cause à l’ONU.",
        "target": "Le ministre belge des Affaires étrangères",
        "demand": "Nous vous demandons de défendre, au Conseil des droits de l’homme des "
        "Nations unies, la libération de tous les journalistes détenus pour leur travail.",
        "body": [
            ("heading", "Informer n’est pas un crime"),
            (
                "paragraph",
                "<p>Des centaines de journalistes sont en prison dans le monde, souvent "
                "accusés d’« atteinte à la sécurité de l’État » pour avoir enquêté ou "
                "simplement publié des faits.</p>",
            ),
            (
                "paragraph",
                "<p>Cette pétition est close : merci aux milliers de personnes qui l’ont "
                "signée. Nous poursuivons ce combat par d’autres actions.</p>",
            ),
        ],
        "thank_you": "Merci pour votre signature.",
        "share_text": "Informer n’est pas un crime : libérez les journalistes emprisonnés.",
        "search_description": "Pétition close pour la libération des journalistes "
        "emprisonnés pour leur travail.",
        "outcome": "La pétition est close depuis le 3 mai, Journée mondiale de la liberté "
        "de la presse. Nous préparons sa remise au ministre.",
    },
    "nl": {
        "title": "Laat journalisten vrij die om hun werk gevangenzitten",
        "lead": "In veel landen zitten journalisten vast omdat ze hun werk deden. We "
        "vroegen België om hun zaak bij de VN te verdedigen.",
        "target": "De Belgische minister van Buitenlandse Zaken",
        "demand": "We vragen je om in de VN-Mensenrechtenraad te pleiten voor de "
        "vrijlating van alle journalisten die om hun werk worden vastgehouden.",
        "body": [
            ("heading", "Informeren is geen misdaad"),
            (
                "paragraph",
                "<p>Wereldwijd zitten honderden journalisten in de gevangenis, vaak "
                "beschuldigd van ‘aantasting van de staatsveiligheid’ omdat ze onderzoek "
                "deden of gewoon feiten publiceerden.</p>",
            ),
            (
                "paragraph",
                "<p>Deze petitie is afgesloten: bedankt aan de duizenden mensen die ze "
                "ondertekenden. We zetten deze strijd voort met andere acties.</p>",
            ),
        ],
        "thank_you": "Bedankt voor je handtekening.",
        "share_text": "Informeren is geen misdaad: laat gevangen journalisten vrij.",
        "search_description": "Afgesloten petitie voor de vrijlating van journalisten "
        "die om hun werk gevangenzitten.",
        "outcome": "De petitie is afgesloten sinds 3 mei, Werelddag van de persvrijheid. "
        "We bereiden de overhandiging aan de minister voor.",
    },
    "en": {
        "title": "Free the journalists jailed for their work",
        "lead": "In many countries journalists are held for doing their job. We asked "
        "Belgium to take up their cause at the UN.",
        "target": "The Belgian Minister of Foreign Affairs",
        "demand": "We ask you to call, at the UN Human Rights Council, for the release of "
        "every journalist detained for their work.",
        "body": [
            ("heading", "Reporting is not a crime"),
            (
                "paragraph",
                "<p>Hundreds of journalists are in prison around the world, often charged "
                "with ‘endangering state security’ for investigating or simply publishing "
                "facts.</p>",
            ),
            (
                "paragraph",
                "<p>This petition is closed: thank you to the thousands of people who "
                "signed it. We carry on this fight through other actions.</p>",
            ),
        ],
        "thank_you": "Thank you for your signature.",
        "share_text": "Reporting is not a crime: free jailed journalists.",
        "search_description": "Closed petition for the release of journalists jailed for "
        "their work.",
        "outcome": "The petition closed on 3 May, World Press Freedom Day. We are "
        "preparing to hand it to the minister.",
    },
}

DELIVERED_PETITION = {
    "slug": "human-rights-in-every-school",
    "goal": 5000,
    "themes": ["human-rights-defenders"],
    "fr": {
        "title": "Les droits humains au programme de chaque école",
        "lead": "Nous avons demandé que chaque élève apprenne ses droits et ceux des "
        "autres. La pétition a été remise.",
        "target": "Les ministres de l’Éducation des Communautés",
        "demand": "Nous vous demandons d’inscrire l’éducation aux droits humains dans le "
        "programme de tous les élèves du secondaire.",
        "body": [
            ("heading", "Apprendre ses droits pour les défendre"),
            (
                "paragraph",
                "<p>Connaître la Déclaration universelle des droits de l’homme aide les "
                "jeunes à reconnaître une injustice et à agir. Nos groupes-écoles le "
                "constatent chaque année.</p>",
            ),
        ],
        "thank_you": "Merci pour votre signature.",
        "share_text": "Les droits humains au programme de chaque école.",
        "search_description": "Pétition remise : l’éducation aux droits humains pour "
        "tous les élèves.",
        "outcome": "Le 10 décembre, Journée des droits de l’homme, une délégation d’élèves "
        "a remis la pétition aux cabinets des ministres. Ceux-ci se sont engagés à "
        "recevoir nos groupes-écoles pour en discuter.",
    },
    "nl": {
        "title": "Mensenrechten op het programma van elke school",
        "lead": "We vroegen dat elke leerling zijn rechten en die van anderen leert "
        "kennen. De petitie is overhandigd.",
        "target": "De ministers van Onderwijs van de Gemeenschappen",
        "demand": "We vragen je om mensenrechteneducatie op te nemen in het programma "
        "van alle leerlingen van het secundair onderwijs.",
        "body": [
            ("heading", "Je rechten kennen om ze te verdedigen"),
            (
                "paragraph",
                "<p>Wie de Universele Verklaring van de Rechten van de Mens kent, herkent "
                "onrecht sneller en komt in actie. Onze schoolgroepen merken het elk "
                "jaar.</p>",
            ),
        ],
        "thank_you": "Bedankt voor je handtekening.",
        "share_text": "Mensenrechten op het programma van elke school.",
        "search_description": "Overhandigde petitie: mensenrechteneducatie voor alle leerlingen.",
        "outcome": "Op 10 december, de Dag van de Mensenrechten, overhandigde een "
        "delegatie van leerlingen de petitie aan de kabinetten van de ministers. Zij "
        "beloofden onze schoolgroepen te ontvangen om erover te praten.",
    },
    "en": {
        "title": "Human rights on every school’s curriculum",
        "lead": "We asked that every pupil learn their rights and those of others. The "
        "petition has been delivered.",
        "target": "The Community Ministers of Education",
        "demand": "We ask you to include human-rights education in the curriculum of "
        "every secondary-school pupil.",
        "body": [
            ("heading", "Knowing your rights to defend them"),
            (
                "paragraph",
                "<p>Knowing the Universal Declaration of Human Rights helps young people "
                "recognise injustice and act. Our school groups see it every year.</p>",
            ),
        ],
        "thank_you": "Thank you for your signature.",
        "share_text": "Human rights on every school’s curriculum.",
        "search_description": "Delivered petition: human-rights education for every pupil.",
        "outcome": "On 10 December, Human Rights Day, a delegation of pupils handed the "
        "petition to the ministers’ offices. They promised to meet our school groups to "
        "discuss it.",
    },
}

# The themes actions and news are filed under (the slug is shared by all languages).
THEMES = {
    "china": {"fr": "Chine", "nl": "China", "en": "China"},
    "human-rights-defenders": {
        "fr": "Défenseurs des droits humains",
        "nl": "Mensenrechtenverdedigers",
        "en": "Human rights defenders",
    },
    "freedom-of-expression": {
        "fr": "Liberté d’expression",
        "nl": "Vrijheid van meningsuiting",
        "en": "Freedom of expression",
    },
    "refugees": {"fr": "Réfugiés", "nl": "Vluchtelingen", "en": "Refugees"},
}
