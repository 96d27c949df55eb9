/**
 * What each demo client wrote in place of the starter templates' guidance (section
 * key → body; the template's section titles are kept), and the staff lists the mutual
 * and the bicycle maker import. A section left out keeps the template's text.
 */
export interface PolicyEdit {
  title?: string;
  sections: Record<string, string>;
}

export const POLICY_EDITS: Record<string, Record<string, PolicyEdit>> = {
  boulangerie: {
    EDITORIAL_POLICY: {
      title: 'Ce que nous publions, à la Boulangerie Dupont',
      sections: {
        who: 'Sophie écrit et publie au nom de la boulangerie ; Thomas fournit les photos du fournil. Nous parlons aux familles du quartier de Novel et aux Annéciens qui commandent pour le week-end.',
        what: 'Le pain du jour et la fournée du samedi, les gâteaux de saison (galettes en janvier, bûches en décembre), les coulisses du fournil et Julien, notre apprenti. Jamais de promotions agressives ni de comparaison avec les confrères.',
        where:
          'Mastodon pour le quotidien, la vitrine et l’ardoise en boutique pour renvoyer vers le compte ; les commandes passent par le click & collect du site.',
        how: 'Trois publications par semaine, le matin avant 9 h, avec une vraie photo prise chez nous. On vouvoie, on signe « Sophie et Thomas ». Une publication qui parle d’allergènes est relue par Sophie.',
        results:
          'Chaque premier du mois, nous regardons le nombre de commandes en ligne et d’abonnés, et ce qui a fait venir du monde en boutique.',
      },
    },
    COMMENT_HANDLING: {
      title: 'Répondre à nos clients en ligne',
      sections: {
        how: 'Nous répondons à chaque question, même courte. Une réclamation se règle en boutique ou au téléphone, jamais en public.',
        delay:
          'Dans la journée d’ouverture : le matin pour les messages de la veille, le soir pour ceux de l’après-midi. Le lundi, jour de fermeture, les réponses attendent le mardi.',
        'by-whom':
          'Thomas répond aux questions sur les produits et les horaires ; Sophie reprend les réclamations et tout ce qui touche aux allergènes.',
        'answer-content':
          'Une réponse courte et aimable, avec le prénom de la personne ; pour les allergènes, la liste affichée en boutique, jamais une promesse.',
        crisis:
          'Si un message parle d’intoxication ou de corps étranger : Sophie rappelle la personne le jour même, note le lot et prévient la DDPP si besoin. Rien n’est publié avant.',
      },
    },
    USAGE_GUIDE: {
      sections: {
        context:
          'La boulangerie est sur Mastodon pour remplir le click & collect du samedi et se faire connaître dans le quartier, face au Fournil Martin.',
        handover:
          'Les accès sont dans le carnet rouge du bureau ; si Sophie est absente, Thomas publie la fournée et laisse les réponses au lendemain.',
      },
    },
  },
  mutuelle: {
    EDITORIAL_POLICY: {
      title: 'Politique éditoriale de la Mutuelle des Alpes',
      sections: {
        who: 'La direction de la communication parle au nom de la Mutuelle ; Julie Roche rédige, Claire Vasseur approuve, le directeur général valide les prises de position. Nous nous adressons aux adhérents et aux jeunes actifs de Savoie et de Haute-Savoie.',
        what: 'Prévention santé, démarches de remboursement, actualité des agences, vie mutualiste (assemblée générale, élus). Pas de cas individuels, pas de chiffres de remboursement sans la relecture des études.',
        where:
          'Bluesky pour les jeunes actifs, l’espace adhérent pour les démarches ; les réseaux renvoient toujours vers une page du site officiel.',
        how: 'Quatre publications par semaine, vouvoiement, ton rassurant ; tout contenu sur un produit passe par la chaîne d’approbation (contenus puis direction).',
        results:
          'Le rapport mensuel à la direction suit le délai de première réponse et les adhésions venues des réseaux ; le comité en discute chaque trimestre.',
      },
    },
    PERSONAL_USE: {
      title: 'Usage personnel des réseaux par les collaborateurs de la Mutuelle',
      sections: {
        scope:
          'Tous les collaborateurs, élus et conseillers en agence, sur leurs comptes personnels, dès qu’ils parlent de la Mutuelle ou de santé.',
        ethics:
          'Le secret professionnel et le secret médical s’appliquent en ligne comme au guichet : aucun adhérent n’est reconnaissable dans ce que vous publiez.',
        'speaking-about-us':
          'Vous pouvez partager nos publications et dire où vous travaillez ; pour répondre à une critique de la Mutuelle, transmettez-la à Mehdi Benali plutôt que de répondre vous-même.',
        confidentiality: 'Jamais de capture d’écran d’un dossier, d’un tableau de remboursement ou d’un échange interne, même flouté.',
        'when-in-doubt':
          'Écrivez à communication@mutuelle-des-alpes.fr ou demandez au service juridique (Sandrine Perrin) avant de publier.',
      },
    },
    USAGE_GUIDE: {
      title: 'Guide des réseaux sociaux de la Mutuelle des Alpes',
      sections: {
        context:
          'La Mutuelle veut répondre plus vite à ses adhérents et attirer des jeunes actifs : objectifs « Relation adhérents » et « Nouveaux adhérents jeunes actifs » de la stratégie approuvée par la direction.',
        networks:
          'Un compte Bluesky (mutuelledesalpes.bsky.social) tenu par la communication ; lexique maison : adhérent (jamais client), garanties, espace adhérent.',
        'network-logic': 'Bluesky : formats courts, questions fréquentes en fil, publication en début de matinée et le mardi midi.',
        handover: 'Mehdi Benali et Julie Roche ont chacun les accès ; la procédure de relève est dans l’intranet, rubrique Communication.',
      },
    },
    CODE_OF_CONDUCT: {
      sections: {
        purpose: 'Protéger les adhérents et la Mutuelle : ce que chacun peut dire, et ce qu’il doit laisser à la communication.',
        principles: 'Respect des adhérents, secret médical, neutralité politique des élus lorsqu’ils parlent au nom de la Mutuelle.',
      },
    },
  },
  velo: {
    USAGE_GUIDE: {
      title: 'How Cycles Léman uses social media',
      sections: {
        context:
          'We build city and e-bikes in Vevey. Social media should bring riders to a test ride and make us the brand Swiss commuters talk about, ahead of Alpen Bikes.',
        networks:
          'Mastodon (@cyclesleman) for commuters, Bluesky (cyclesleman.bsky.social) for journalists and early adopters. We say ride, not product; workshop, not factory.',
        'network-logic':
          'Mastodon: workshop stories and route tips, twice a week. Bluesky: launches, press, short threads three times a week; German and French posts welcome.',
        handover:
          'Noah and Chloé both hold the access keys in the company password manager; the weekly Monday meeting hands over what is in flight.',
      },
    },
    EDITORIAL_POLICY: {
      title: 'Cycles Léman editorial policy',
      sections: {
        who: 'Lukas Meier speaks for the company, Chloé Favre writes and edits, the CEO signs off launches. We write for commuters around Lake Geneva and the Swiss cycling press.',
        what: 'Bikes being built, rides and routes, service tips from the workshop, product launches. No price wars, no claims we cannot test in our own workshop.',
        where: 'Mastodon and Bluesky; every post links to the test-ride booking page or the workshop blog.',
        how: 'Informal (we say you, first names), precise figures, photos from Vevey. Launch posts go through Chloé then Lukas.',
        results:
          'Test rides booked from social every month and share of voice every quarter, in the Monday meeting and the monthly report to the CEO.',
      },
    },
    COMMENT_HANDLING: {
      title: 'Answering riders',
      sections: {
        how: 'Every question about a bike gets an answer from someone who knows bikes; a complaint about a repair moves to a private message with the order number.',
        delay:
          'Within the working day (Vevey office hours, Swiss public holidays off); Bluesky within four working hours because journalists read there.',
        'by-whom':
          'Noah Keller (customer care) first; Jonas Brunner from the workshop for technical questions; Chloé for anything about a launch.',
        'answer-content':
          'Short, friendly, signed with a first name; a safety question always links to the recall page or the workshop phone line.',
        crisis:
          'A safety issue (frame, brakes, battery) goes to the CEO at once: publishing is paused, the holding statement goes out, the recall procedure starts.',
      },
    },
    PERSONAL_USE: {
      title: 'Your own accounts and Cycles Léman',
      sections: {
        scope: 'Everyone at Cycles Léman, in the office and the workshop, when posting about the company, our bikes or cycling.',
        ethics: 'Be a rider first: share what you build and ride, say you work here, never post a customer’s bike or face without asking.',
        'speaking-about-us': 'Share our posts freely; leave answers to complaints and press questions to Noah and Lukas.',
        confidentiality: 'Nothing about bikes not launched yet, suppliers or prices before they are public.',
        'when-in-doubt': 'Ask in the #social channel or talk to Lukas before posting.',
      },
    },
  },
};

/** Staff lists as HR exports them (people who must know the policies, without a Socle account). */
export const STAFF_LISTS: Record<string, string> = {
  mutuelle: [
    'nom;courriel;service;fonction',
    'Agnès Collomb;agnes.collomb@mutuelle-des-alpes.example;Agence de Chambéry;Conseillère',
    'Romain Favier;romain.favier@mutuelle-des-alpes.example;Agence de Chambéry;Conseiller',
    'Chantal Bouvier;chantal.bouvier@mutuelle-des-alpes.example;Agence d’Annecy;Responsable d’agence',
    'Kevin Mollard;kevin.mollard@mutuelle-des-alpes.example;Agence d’Annecy;Conseiller',
    'Isabelle Jacquier;isabelle.jacquier@mutuelle-des-alpes.example;Gestion des prestations;Gestionnaire',
    'Pascal Duraz;pascal.duraz@mutuelle-des-alpes.example;Gestion des prestations;Gestionnaire',
    'Nadia Cherif;nadia.cherif@mutuelle-des-alpes.example;Plateforme téléphonique;Téléconseillère',
    'Yann Perrier;yann.perrier@mutuelle-des-alpes.example;Informatique;Administrateur systèmes',
    'Martine Gaillard;martine.gaillard@mutuelle-des-alpes.example;Conseil d’administration;Administratrice élue',
    'Hélène Vial;helene.vial@mutuelle-des-alpes.example;Ressources humaines;Chargée de formation',
  ].join('\n'),
  velo: [
    'name,email,department,role',
    'Tobias Zimmermann,tobias.zimmermann@cyclesleman.example,Workshop,Frame builder',
    'Céline Pasche,celine.pasche@cyclesleman.example,Workshop,Wheel builder',
    'Mathias Gerber,mathias.gerber@cyclesleman.example,Workshop,E-bike technician',
    'Elena Rossi,elena.rossi@cyclesleman.example,Showroom Lausanne,Sales advisor',
    'David Bonvin,david.bonvin@cyclesleman.example,Showroom Lausanne,Sales advisor',
    'Nina Hofmann,nina.hofmann@cyclesleman.example,Logistics,Warehouse lead',
    'Patrick Monnier,patrick.monnier@cyclesleman.example,Finance,Controller',
  ].join('\n'),
};
