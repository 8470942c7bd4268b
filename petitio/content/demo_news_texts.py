"""Demo news of the fictional organisation, in French, Dutch and English.

Pure data, no logic, in the shape of `demo_texts`: every text exists in "fr" (Belgian
French), "nl" (Belgian Dutch) and "en" (British English); bodies are lists of
``(block_type, value)`` tuples ("heading": plain text; "paragraph": HTML with ``<p>``).

Each article has:
- ``date``: ``("days_ago", n)``, or ``("last", month, day)`` for the most recent such
  day up to today (for articles about a dated event);
- ``themes``: theme slugs (see ``demo_texts.THEMES``);
- ``related_action``: the slug of a demo petition page, or None.

The facts about Xinjiang rely on the assessment the UN Office of the High
Commissioner for Human Rights published on 31 August 2022. The events of the
organisation (school action day, meetings, delivery) are invented.
"""

NEWS_INDEX = {
    "fr": {
        "title": "Toutes les infos",
        "slug": "infos",
        "intro": "Les nouvelles de nos campagnes, de nos groupes-écoles et des droits humains "
        "dans le monde.",
    },
    "nl": {
        "title": "Alle nieuws",
        "slug": "nieuws",
        "intro": "Nieuws over onze campagnes, onze schoolgroepen en de mensenrechten wereldwijd.",
    },
    "en": {
        "title": "All news",
        "slug": "news",
        "intro": "News of our campaigns, our school groups and human rights around the world.",
    },
}

ARTICLES = [
    {
        "date": ("days_ago", 150),
        "themes": ["china"],
        "related_action": "stop-xinjiang-persecution",
        "fr": {
            "title": "Nous lançons notre campagne pour les Ouïghours du Xinjiang",
            "slug": "lancement-campagne-xinjiang",
            "lead": "Notre nouvelle pétition demande aux autorités chinoises de libérer les "
            "personnes détenues arbitrairement au Xinjiang et d’ouvrir la région aux enquêteurs "
            "indépendants de l’ONU. Voici pourquoi nous agissons maintenant.",
            "body": [
                ("heading", "Pourquoi cette campagne"),
                (
                    "paragraph",
                    "<p>Depuis 2017, des Ouïghours, des Kazakhs et des membres d’autres "
                    "minorités majoritairement musulmanes sont détenus en grand nombre au "
                    "Xinjiang, le plus souvent sans inculpation ni procès. Leurs familles, y "
                    "compris celles qui vivent en Belgique, restent parfois des années sans "
                    "nouvelles.</p>",
                ),
                (
                    "paragraph",
                    "<p>En 2022, le Haut-Commissariat des Nations unies aux droits de l’homme a "
                    "conclu que de graves violations des droits humains avaient été commises "
                    "dans la région et que certaines pouvaient constituer des crimes contre "
                    "l’humanité. Depuis, trop peu de choses ont changé.</p>",
                ),
                ("heading", "Ce que nous demandons"),
                (
                    "paragraph",
                    "<p>Notre pétition s’adresse aux autorités de la République populaire de "
                    "Chine. Elle demande la libération des personnes détenues sans fondement "
                    "légal, la fin de la surveillance de masse qui vise ces minorités et un "
                    "accès libre à la région pour les experts indépendants de l’ONU. Chaque "
                    "signature compte : plus nous serons nombreux, plus notre voix portera "
                    "lorsque nous remettrons la pétition.</p>",
                ),
            ],
        },
        "nl": {
            "title": "We starten onze campagne voor de Oeigoeren in Xinjiang",
            "slug": "start-campagne-xinjiang",
            "lead": "Onze nieuwe petitie vraagt de Chinese autoriteiten om de mensen die "
            "willekeurig vastzitten in Xinjiang vrij te laten en de regio open te stellen voor "
            "onafhankelijke VN-onderzoekers. Dit is waarom we nu in actie komen.",
            "body": [
                ("heading", "Waarom deze campagne"),
                (
                    "paragraph",
                    "<p>Sinds 2017 worden Oeigoeren, Kazachen en leden van andere overwegend "
                    "islamitische minderheden in Xinjiang op grote schaal opgesloten, meestal "
                    "zonder aanklacht of proces. Hun families, ook die in België, blijven soms "
                    "jarenlang zonder nieuws.</p>",
                ),
                (
                    "paragraph",
                    "<p>In 2022 besloot het VN-Hoog Commissariaat voor de Mensenrechten dat er "
                    "in de regio ernstige mensenrechtenschendingen zijn gepleegd en dat sommige "
                    "daarvan misdaden tegen de menselijkheid kunnen zijn. Sindsdien is er te "
                    "weinig veranderd.</p>",
                ),
                ("heading", "Wat we vragen"),
                (
                    "paragraph",
                    "<p>Onze petitie is gericht aan de autoriteiten van de Volksrepubliek "
                    "China. Ze vraagt de vrijlating van wie zonder wettelijke grond vastzit, "
                    "een einde aan de massale surveillance van deze minderheden en vrije "
                    "toegang tot de regio voor onafhankelijke VN-experts. Elke handtekening "
                    "telt: hoe meer we zijn, hoe sterker onze stem klinkt wanneer we de petitie "
                    "overhandigen.</p>",
                ),
            ],
        },
        "en": {
            "title": "We are launching our campaign for the Uyghurs of Xinjiang",
            "slug": "xinjiang-campaign-launch",
            "lead": "Our new petition asks the Chinese authorities to release the people held "
            "arbitrarily in Xinjiang and to open the region to independent UN investigators. "
            "Here is why we are acting now.",
            "body": [
                ("heading", "Why this campaign"),
                (
                    "paragraph",
                    "<p>Since 2017, Uyghurs, Kazakhs and members of other mainly Muslim "
                    "minorities have been detained in large numbers in Xinjiang, most often "
                    "without charge or trial. Their families, including those living in "
                    "Belgium, sometimes go years without news.</p>",
                ),
                (
                    "paragraph",
                    "<p>In 2022, the UN Office of the High Commissioner for Human Rights "
                    "concluded that serious human rights violations had been committed in the "
                    "region and that some of them may amount to crimes against humanity. Too "
                    "little has changed since.</p>",
                ),
                ("heading", "What we ask"),
                (
                    "paragraph",
                    "<p>Our petition is addressed to the authorities of the People’s Republic "
                    "of China. It calls for the release of everyone held without legal basis, "
                    "an end to the mass surveillance of these minorities and free access to the "
                    "region for independent UN experts. Every signature counts: the more of us "
                    "there are, the louder our voice will be when we deliver the petition.</p>",
                ),
            ],
        },
    },
    {
        "date": ("last", 8, 31),
        "themes": ["china"],
        "related_action": "stop-xinjiang-persecution",
        "fr": {
            "title": "Xinjiang : le rapport de l’ONU attend toujours une réponse",
            "slug": "rapport-onu-xinjiang-anniversaire",
            "lead": "Le 31 août 2022, le Haut-Commissariat des Nations unies aux droits de "
            "l’homme publiait son évaluation de la situation au Xinjiang. À chaque "
            "anniversaire, nous rappelons que ses recommandations restent largement lettre "
            "morte.",
            "body": [
                ("heading", "Ce que dit le rapport"),
                (
                    "paragraph",
                    "<p>L’évaluation fait état de détentions arbitraires et discriminatoires à "
                    "grande échelle, d’allégations crédibles de torture et de mauvais "
                    "traitements, et de restrictions sévères à la pratique religieuse. Elle "
                    "conclut que ces violations peuvent constituer des crimes internationaux, "
                    "en particulier des crimes contre l’humanité.</p>",
                ),
                (
                    "paragraph",
                    "<p>Le Haut-Commissariat recommandait notamment à la Chine de libérer "
                    "rapidement toutes les personnes arbitrairement privées de liberté et de "
                    "faire la lumière sur le sort des personnes disparues dont les familles "
                    "cherchent des nouvelles.</p>",
                ),
                ("heading", "Le rôle de la Belgique"),
                (
                    "paragraph",
                    "<p>En octobre 2022, le Conseil des droits de l’homme a rejeté de justesse "
                    "une proposition d’y consacrer un débat. Nous demandons à la Belgique de "
                    "continuer à soulever la question au Conseil et avec ses partenaires "
                    "européens, pour que le rapport ne tombe pas dans l’oubli.</p>",
                ),
            ],
        },
        "nl": {
            "title": "Xinjiang: het VN-rapport wacht nog altijd op een antwoord",
            "slug": "vn-rapport-xinjiang-verjaardag",
            "lead": "Op 31 augustus 2022 publiceerde het VN-Hoog Commissariaat voor de "
            "Mensenrechten zijn evaluatie van de situatie in Xinjiang. Elk jaar op die dag "
            "herinneren we eraan dat de aanbevelingen grotendeels dode letter blijven.",
            "body": [
                ("heading", "Wat het rapport zegt"),
                (
                    "paragraph",
                    "<p>De evaluatie beschrijft willekeurige en discriminerende opsluiting op "
                    "grote schaal, geloofwaardige beschuldigingen van foltering en mishandeling, "
                    "en zware beperkingen op het belijden van godsdienst. Ze besluit dat die "
                    "schendingen internationale misdaden kunnen zijn, in het bijzonder misdaden "
                    "tegen de menselijkheid.</p>",
                ),
                (
                    "paragraph",
                    "<p>Het Hoog Commissariaat beval China onder meer aan om alle willekeurig "
                    "opgesloten mensen snel vrij te laten en duidelijkheid te geven over het lot "
                    "van vermiste personen naar wie families op zoek zijn.</p>",
                ),
                ("heading", "De rol van België"),
                (
                    "paragraph",
                    "<p>In oktober 2022 verwierp de Mensenrechtenraad nipt een voorstel om over "
                    "het rapport te debatteren. We vragen België om de kwestie in de Raad en "
                    "met zijn Europese partners te blijven aankaarten, zodat het rapport niet "
                    "in de vergetelheid raakt.</p>",
                ),
            ],
        },
        "en": {
            "title": "Xinjiang: the UN report is still waiting for an answer",
            "slug": "un-xinjiang-report-anniversary",
            "lead": "On 31 August 2022, the UN Office of the High Commissioner for Human Rights "
            "published its assessment of the situation in Xinjiang. Every year on that date, we "
            "point out that its recommendations remain largely ignored.",
            "body": [
                ("heading", "What the report says"),
                (
                    "paragraph",
                    "<p>The assessment describes large-scale arbitrary and discriminatory "
                    "detention, credible allegations of torture and ill-treatment, and severe "
                    "restrictions on religious practice. It concludes that these violations may "
                    "amount to international crimes, in particular crimes against "
                    "humanity.</p>",
                ),
                (
                    "paragraph",
                    "<p>Among other things, the Office recommended that China promptly release "
                    "everyone arbitrarily deprived of their liberty and clarify the fate of "
                    "missing people whose families are looking for them.</p>",
                ),
                ("heading", "Belgium’s part"),
                (
                    "paragraph",
                    "<p>In October 2022, the Human Rights Council narrowly rejected a proposal "
                    "to hold a debate on the report. We ask Belgium to keep raising the issue at "
                    "the Council and with its European partners, so that the report is not "
                    "forgotten.</p>",
                ),
            ],
        },
    },
    {
        "date": ("days_ago", 95),
        "themes": ["human-rights-defenders"],
        "related_action": "protect-human-rights-defenders",
        "fr": {
            "title": "Journée d’action : nos groupes-écoles écrivent aux défenseurs en danger",
            "slug": "journee-action-groupes-ecoles",
            "lead": "Dans des écoles de tout le pays, des élèves ont consacré une journée aux "
            "défenseurs des droits humains : messages de solidarité, débats en classe et "
            "signatures récoltées sur papier.",
            "body": [
                ("heading", "Une journée, des dizaines de classes"),
                (
                    "paragraph",
                    "<p>Pour cette journée d’action, nos groupes-écoles ont préparé des cartes "
                    "de solidarité destinées à des défenseurs des droits humains emprisonnés ou "
                    "menacés. Des organisations partenaires en contact avec eux et avec leurs "
                    "proches leur transmettront les messages.</p>",
                ),
                (
                    "paragraph",
                    "<p>En classe, les élèves ont découvert le travail de ces femmes et de ces "
                    "hommes – avocats, journalistes, syndicalistes, militants écologistes – et "
                    "les risques qu’ils prennent. Beaucoup ont ensuite signé notre pétition, ou "
                    "l’ont fait signer à leurs proches sur les listes papier de leur "
                    "groupe.</p>",
                ),
                ("heading", "Et maintenant ?"),
                (
                    "paragraph",
                    "<p>Les signatures sur papier s’ajoutent au total de la pétition une fois "
                    "vérifiées par notre équipe. Un grand merci aux enseignants qui animent ces "
                    "groupes tout au long de l’année.</p>",
                ),
            ],
        },
        "nl": {
            "title": "Actiedag: onze schoolgroepen schrijven naar bedreigde verdedigers",
            "slug": "actiedag-schoolgroepen",
            "lead": "In scholen in het hele land wijdden leerlingen een dag aan "
            "mensenrechtenverdedigers: solidariteitsboodschappen, debatten in de klas en "
            "handtekeningen op papier.",
            "body": [
                ("heading", "Eén dag, tientallen klassen"),
                (
                    "paragraph",
                    "<p>Voor deze actiedag maakten onze schoolgroepen solidariteitskaarten voor "
                    "mensenrechtenverdedigers die gevangenzitten of bedreigd worden. "
                    "Partnerorganisaties die contact hebben met hen en hun naasten bezorgen hun "
                    "de boodschappen.</p>",
                ),
                (
                    "paragraph",
                    "<p>In de klas leerden de leerlingen het werk kennen van deze vrouwen en "
                    "mannen – advocaten, journalisten, vakbondsmensen, milieuactivisten – en de "
                    "risico’s die ze nemen. Velen ondertekenden daarna onze petitie, of lieten "
                    "hun familie tekenen op de papieren lijsten van hun groep.</p>",
                ),
                ("heading", "En nu?"),
                (
                    "paragraph",
                    "<p>Handtekeningen op papier tellen mee in het totaal van de petitie zodra "
                    "ons team ze heeft nagekeken. Een grote dank aan de leerkrachten die deze "
                    "groepen het hele jaar door begeleiden.</p>",
                ),
            ],
        },
        "en": {
            "title": "Action day: our school groups write to defenders at risk",
            "slug": "school-groups-action-day",
            "lead": "In schools across the country, pupils devoted a day to human rights "
            "defenders: messages of solidarity, classroom debates and signatures collected on "
            "paper.",
            "body": [
                ("heading", "One day, dozens of classes"),
                (
                    "paragraph",
                    "<p>For this action day, our school groups made solidarity cards for human "
                    "rights defenders who are imprisoned or under threat. Partner organisations "
                    "in contact with them and their families will pass the messages on.</p>",
                ),
                (
                    "paragraph",
                    "<p>In class, pupils learnt about the work of these women and men – "
                    "lawyers, journalists, trade unionists, environmental activists – and the "
                    "risks they take. Many then signed our petition, or asked their families to "
                    "sign the paper lists of their group.</p>",
                ),
                ("heading", "What next?"),
                (
                    "paragraph",
                    "<p>Paper signatures are added to the petition’s total once our team has "
                    "checked them. Many thanks to the teachers who run these groups all year "
                    "round.</p>",
                ),
            ],
        },
    },
    {
        "date": ("days_ago", 40),
        "themes": ["human-rights-defenders"],
        "related_action": "protect-human-rights-defenders",
        "fr": {
            "title": "Défenseurs en danger : où en est notre pétition ?",
            "slug": "defenseurs-point-sur-la-petition",
            "lead": "Plusieurs mois après son lancement, notre pétition pour les défenseurs des "
            "droits humains continue de rassembler des signatures. Nous avons présenté ses "
            "demandes à des parlementaires fédéraux.",
            "body": [
                ("heading", "Des demandes concrètes"),
                (
                    "paragraph",
                    "<p>La pétition demande au ministre des Affaires étrangères d’utiliser tous "
                    "les canaux diplomatiques pour soutenir les défenseurs en danger, de charger "
                    "nos ambassades d’observer leurs procès et de leur rendre visite en "
                    "détention, et de créer une procédure rapide de visa humanitaire pour celles "
                    "et ceux qui doivent fuir.</p>",
                ),
                (
                    "paragraph",
                    "<p>Ces demandes rejoignent les orientations de l’Union européenne "
                    "concernant les défenseurs des droits de l’homme, que les États membres se "
                    "sont engagés à appliquer. Il s’agit de les mettre pleinement en œuvre et "
                    "de rendre compte de ce qui est fait.</p>",
                ),
                ("heading", "Prochaine étape"),
                (
                    "paragraph",
                    "<p>Nous remettrons la pétition au ministre lorsque l’objectif sera atteint. "
                    "D’ici là, chaque signature et chaque partage nous en rapprochent.</p>",
                ),
            ],
        },
        "nl": {
            "title": "Verdedigers in gevaar: hoe staat onze petitie ervoor?",
            "slug": "verdedigers-stand-van-de-petitie",
            "lead": "Enkele maanden na de start blijft onze petitie voor "
            "mensenrechtenverdedigers handtekeningen verzamelen. We hebben haar eisen "
            "voorgesteld aan federale parlementsleden.",
            "body": [
                ("heading", "Concrete eisen"),
                (
                    "paragraph",
                    "<p>De petitie vraagt de minister van Buitenlandse Zaken om alle "
                    "diplomatieke kanalen te gebruiken om bedreigde verdedigers te steunen, "
                    "onze ambassades hun processen te laten bijwonen en hen in de gevangenis te "
                    "laten bezoeken, en een snelle procedure voor humanitaire visa in te voeren "
                    "voor wie moet vluchten.</p>",
                ),
                (
                    "paragraph",
                    "<p>Die eisen sluiten aan bij de richtsnoeren van de Europese Unie over "
                    "mensenrechtenverdedigers, die de lidstaten beloofd hebben toe te passen. "
                    "Het komt erop aan ze volledig uit te voeren en te tonen wat er "
                    "gebeurt.</p>",
                ),
                ("heading", "Volgende stap"),
                (
                    "paragraph",
                    "<p>We overhandigen de petitie aan de minister zodra het doel bereikt is. "
                    "Tot dan brengt elke handtekening en elke keer dat je de petitie deelt, ons "
                    "dichter bij dat doel.</p>",
                ),
            ],
        },
        "en": {
            "title": "Defenders at risk: where does our petition stand?",
            "slug": "defenders-petition-update",
            "lead": "Several months after its launch, our petition for human rights defenders "
            "keeps gathering signatures. We have presented its demands to members of the "
            "federal parliament.",
            "body": [
                ("heading", "Practical demands"),
                (
                    "paragraph",
                    "<p>The petition asks the Minister of Foreign Affairs to use every "
                    "diplomatic channel to support defenders at risk, to instruct our embassies "
                    "to observe their trials and visit them in detention, and to set up a "
                    "fast-track humanitarian visa procedure for those who must flee.</p>",
                ),
                (
                    "paragraph",
                    "<p>These demands match the European Union Guidelines on Human Rights "
                    "Defenders, which member states have committed to apply. What is needed now "
                    "is to implement them in full and to report on what is done.</p>",
                ),
                ("heading", "Next step"),
                (
                    "paragraph",
                    "<p>We will deliver the petition to the minister once the goal is reached. "
                    "Until then, every signature and every share brings us closer.</p>",
                ),
            ],
        },
    },
    {
        "date": ("last", 12, 10),
        "themes": ["human-rights-defenders"],
        "related_action": "human-rights-in-every-school",
        "fr": {
            "title": "Pétition remise : les droits humains au programme de chaque école",
            "slug": "petition-remise-droits-humains-ecole",
            "lead": "À l’occasion de la Journée des droits de l’homme, une délégation d’élèves "
            "a remis notre pétition aux cabinets des ministres de l’Éducation. Ceux-ci se sont "
            "engagés à recevoir nos groupes-écoles.",
            "body": [
                ("heading", "Une remise portée par les élèves"),
                (
                    "paragraph",
                    "<p>Ce sont des élèves de nos groupes-écoles qui ont apporté les "
                    "signatures, récoltées en ligne et sur papier. Ils ont expliqué pourquoi "
                    "connaître ses droits, et ceux des autres, aide à reconnaître une injustice "
                    "et à réagir.</p>",
                ),
                (
                    "paragraph",
                    "<p>Nous demandons que l’éducation aux droits humains figure au programme "
                    "de tous les élèves du secondaire, dans chaque Communauté.</p>",
                ),
                ("heading", "La suite"),
                (
                    "paragraph",
                    "<p>Les cabinets ont promis de recevoir une délégation de nos groupes-écoles "
                    "pour discuter de la mise en œuvre. Nous vous tiendrons informés ici. Merci "
                    "à toutes les personnes qui ont signé.</p>",
                ),
            ],
        },
        "nl": {
            "title": "Petitie overhandigd: mensenrechten op het programma van elke school",
            "slug": "petitie-overhandigd-mensenrechten-school",
            "lead": "Op de Dag van de Mensenrechten overhandigde een delegatie van leerlingen "
            "onze petitie aan de kabinetten van de ministers van Onderwijs. Zij beloofden onze "
            "schoolgroepen te ontvangen.",
            "body": [
                ("heading", "Een overhandiging door leerlingen"),
                (
                    "paragraph",
                    "<p>Leerlingen van onze schoolgroepen brachten de handtekeningen, online en "
                    "op papier verzameld, zelf naar de kabinetten. Ze legden uit waarom wie zijn "
                    "eigen rechten en die van anderen kent, onrecht sneller herkent en in actie "
                    "komt.</p>",
                ),
                (
                    "paragraph",
                    "<p>We vragen dat mensenrechteneducatie in elke Gemeenschap op het "
                    "programma staat van alle leerlingen van het secundair onderwijs.</p>",
                ),
                ("heading", "Hoe verder"),
                (
                    "paragraph",
                    "<p>De kabinetten beloofden een delegatie van onze schoolgroepen te "
                    "ontvangen om over de uitvoering te praten. We houden je hier op de hoogte. "
                    "Bedankt aan iedereen die tekende.</p>",
                ),
            ],
        },
        "en": {
            "title": "Petition delivered: human rights on every school’s curriculum",
            "slug": "petition-delivered-human-rights-in-schools",
            "lead": "On Human Rights Day, a delegation of pupils handed our petition to the "
            "offices of the Ministers of Education, who promised to meet our school groups.",
            "body": [
                ("heading", "A delivery led by pupils"),
                (
                    "paragraph",
                    "<p>Pupils from our school groups carried the signatures, collected online "
                    "and on paper, to the ministers’ offices themselves. They explained why "
                    "knowing your own rights, and those of others, helps you recognise "
                    "injustice and act.</p>",
                ),
                (
                    "paragraph",
                    "<p>We ask that human-rights education be part of the curriculum of every "
                    "secondary-school pupil, in every Community.</p>",
                ),
                ("heading", "What comes next"),
                (
                    "paragraph",
                    "<p>The ministers’ offices have promised to meet a delegation of our school "
                    "groups to discuss how to put this into practice. We will keep you posted "
                    "here. Thank you to everyone who signed.</p>",
                ),
            ],
        },
    },
    {
        "date": ("days_ago", 12),
        "themes": ["freedom-of-expression", "refugees", "china"],
        "related_action": "stop-xinjiang-persecution",
        "fr": {
            "title": "Parler depuis l’exil : la pression sur la diaspora ouïghoure",
            "slug": "diaspora-ouighoure-liberte-expression",
            "lead": "Des Ouïghours vivant en Europe témoignent publiquement de ce que vivent "
            "leurs proches au Xinjiang. Des organisations de défense des droits humains ont "
            "documenté les pressions qu’ils subissent pour se taire.",
            "body": [
                ("heading", "La répression ne s’arrête pas aux frontières"),
                (
                    "paragraph",
                    "<p>Des organisations de défense des droits humains ont recensé des cas où "
                    "des Ouïghours établis à l’étranger ont été sollicités pour surveiller leur "
                    "propre communauté, ou ont appris que des membres de leur famille restés au "
                    "Xinjiang avaient été interrogés après qu’ils avaient pris la parole. Les "
                    "spécialistes parlent de « répression transnationale ».</p>",
                ),
                (
                    "paragraph",
                    "<p>La liberté d’expression est garantie par l’article 19 de la Déclaration "
                    "universelle des droits de l’homme et par le Pacte international relatif "
                    "aux droits civils et politiques, que la Belgique a ratifié. Elle protège "
                    "aussi celles et ceux qui dénoncent, depuis un pays d’accueil, les "
                    "violations commises dans leur pays d’origine.</p>",
                ),
                ("heading", "Ce que la Belgique peut faire"),
                (
                    "paragraph",
                    "<p>Les personnes réfugiées et leurs familles doivent pouvoir s’exprimer "
                    "sans crainte sur le sol belge. Nous demandons aux autorités de prendre au "
                    "sérieux les signalements d’intimidation et d’informer les personnes "
                    "concernées de leurs droits et des recours possibles.</p>",
                ),
            ],
        },
        "nl": {
            "title": "Spreken vanuit ballingschap: de druk op de Oeigoerse diaspora",
            "slug": "oeigoerse-diaspora-vrije-meningsuiting",
            "lead": "Oeigoeren die in Europa wonen, getuigen publiek over wat hun familie in "
            "Xinjiang doormaakt. Mensenrechtenorganisaties documenteerden de druk die ze "
            "ondervinden om te zwijgen.",
            "body": [
                ("heading", "Repressie stopt niet aan de grens"),
                (
                    "paragraph",
                    "<p>Mensenrechtenorganisaties brachten gevallen in kaart waarin Oeigoeren in "
                    "het buitenland gevraagd werden hun eigen gemeenschap in de gaten te houden, "
                    "of vernamen dat familieleden in Xinjiang ondervraagd waren nadat zij zich "
                    "hadden uitgesproken. Specialisten spreken van ‘transnationale "
                    "repressie’.</p>",
                ),
                (
                    "paragraph",
                    "<p>De vrijheid van meningsuiting wordt gewaarborgd door artikel 19 van de "
                    "Universele Verklaring van de Rechten van de Mens en door het Internationaal "
                    "Verdrag inzake burgerrechten en politieke rechten, dat België heeft "
                    "geratificeerd. Ze beschermt ook wie vanuit een gastland schendingen in het "
                    "land van herkomst aanklaagt.</p>",
                ),
                ("heading", "Wat België kan doen"),
                (
                    "paragraph",
                    "<p>Vluchtelingen en hun families moeten zich op Belgische bodem zonder "
                    "angst kunnen uitspreken. We vragen de autoriteiten om meldingen van "
                    "intimidatie ernstig te nemen en de betrokkenen te informeren over hun "
                    "rechten en de mogelijke rechtsmiddelen.</p>",
                ),
            ],
        },
        "en": {
            "title": "Speaking out from exile: the pressure on the Uyghur diaspora",
            "slug": "uyghur-diaspora-freedom-of-expression",
            "lead": "Uyghurs living in Europe speak publicly about what their relatives in "
            "Xinjiang are going through. Human rights organisations have documented the "
            "pressure they face to stay silent.",
            "body": [
                ("heading", "Repression does not stop at the border"),
                (
                    "paragraph",
                    "<p>Human rights organisations have recorded cases in which Uyghurs living "
                    "abroad were asked to watch their own community, or learnt that relatives "
                    "in Xinjiang had been questioned after they spoke out. Specialists call "
                    "this “transnational repression”.</p>",
                ),
                (
                    "paragraph",
                    "<p>Freedom of expression is guaranteed by Article 19 of the Universal "
                    "Declaration of Human Rights and by the International Covenant on Civil and "
                    "Political Rights, which Belgium has ratified. It also protects people who, "
                    "from a host country, denounce violations committed in their country of "
                    "origin.</p>",
                ),
                ("heading", "What Belgium can do"),
                (
                    "paragraph",
                    "<p>Refugees and their families must be able to speak without fear on "
                    "Belgian soil. We ask the authorities to take reports of intimidation "
                    "seriously and to inform those affected of their rights and the remedies "
                    "available.</p>",
                ),
            ],
        },
    },
]
