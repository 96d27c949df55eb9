/**
 * What the demo network holds before anyone connects to it: the three clients'
 * accounts with their older posts, and what fictional customers, journalists and
 * competitors wrote about each client and its competitor over the past weeks
 * (some negative, some questions to the client's account, which land in its
 * inbox). Every person and business here is invented.
 */

export interface DemoNetworkAccount {
  /** The client's slug in the demo (`seed-demo.ts`). */
  slug: string;
  username: string;
  displayName: string;
  followers: number;
  /** Words the brand listening query requires (all of them). */
  brandQuery: string;
  /** The strategy's competitor and the words its listening query requires. */
  competitor: { name: string; query: string; username: string; displayName: string };
  language: string;
}

export const DEMO_NETWORK_ACCOUNTS: readonly DemoNetworkAccount[] = [
  {
    slug: 'boulangerie',
    username: 'boulangeriesdupont',
    displayName: 'Boulangerie Dupont',
    followers: 412,
    brandQuery: 'Dupont',
    competitor: { name: 'Fournil Martin', query: 'Fournil Martin', username: 'fournilmartin', displayName: 'Le Fournil Martin' },
    language: 'fr',
  },
  {
    slug: 'mutuelle',
    username: 'mutuelledesalpes',
    displayName: 'Mutuelle des Alpes',
    followers: 1830,
    brandQuery: 'Mutuelle Alpes',
    competitor: { name: 'Mutuelle du Lac', query: 'Mutuelle Lac', username: 'mutuelledulac', displayName: 'Mutuelle du Lac' },
    language: 'fr',
  },
  {
    slug: 'velo',
    username: 'cyclesleman',
    displayName: 'Cycles Léman SA',
    followers: 5240,
    brandQuery: 'Cycles Léman',
    competitor: { name: 'Alpen Bikes', query: 'Alpen Bikes', username: 'alpenbikes', displayName: 'Alpen Bikes' },
    language: 'en',
  },
];

export interface DemoNetworkPost {
  /** Who writes (created on the instance with its display name). */
  author: string;
  authorName: string;
  followers?: number;
  /** Days before the first start of the demo network (fractions for hours). */
  daysAgo: number;
  text: string;
  language: string;
}

/** Older posts of the clients' own accounts (history the instance shows; Socle did not publish them). */
export const DEMO_OWN_HISTORY: Record<string, { daysAgo: number; text: string }[]> = {
  boulangerie: [
    { daysAgo: 26, text: 'La galette des rois revient en boutique dès samedi. Frangipane maison, fève en porcelaine.' },
    { daysAgo: 12, text: 'Fermeture exceptionnelle lundi pour inventaire. Réouverture mardi 6 h 30.' },
  ],
  mutuelle: [{ daysAgo: 20, text: 'Nos agences d’Annecy et de Chambéry sont ouvertes le samedi matin tout le mois.' }],
  velo: [
    { daysAgo: 27, text: 'Winter service week: free brake check at every Cycles Léman dealer. #BikeCare' },
    { daysAgo: 23, text: 'Our Morges workshop welded its 10,000th frame this year. Thank you, riders! #SwissMade' },
    { daysAgo: 19, text: 'New: studded tyres for the Léman City, fitted in 20 minutes at the showroom. #WinterRiding' },
    { daysAgo: 15, text: 'Commuting in the dark? Our lights guide, in 60 seconds. #BikeCare' },
    { daysAgo: 11, text: 'Test-ride weekend in Lausanne: 214 riders came. Next one in Geneva. #TestRide' },
    { daysAgo: 6, text: 'Meet Anaïs, who assembles the Léman Cargo from frame to first ride. #SwissMade' },
    { daysAgo: 3, text: 'Spare parts for every model since 2012, shipped in 48 hours. #BikeCare' },
  ],
};

/** What others wrote, newest last. A post naming `@<client username>` is a mention of the account (the inbox). */
export const DEMO_NETWORK_POSTS: Record<string, DemoNetworkPost[]> = {
  boulangerie: [
    {
      author: 'claire_lyon',
      authorName: 'Claire M.',
      daysAgo: 24,
      text: 'Le pain au levain de chez Dupont, rue des Tanneurs : croûte parfaite, mie qui tient trois jours. Rien à redire.',
      language: 'fr',
    },
    {
      author: 'lepetitjournal_quartier',
      authorName: 'Le Petit Journal du quartier',
      followers: 3200,
      daysAgo: 21,
      text: 'Reportage : le Fournil Martin ouvre le dimanche après-midi, une première dans le quartier. La Boulangerie Dupont reste fermée.',
      language: 'fr',
    },
    {
      author: 'marc_b',
      authorName: 'Marc B.',
      daysAgo: 17,
      text: 'Trente minutes de queue chez Dupont samedi et plus de croissants à 9 h. Franchement décevant.',
      language: 'fr',
    },
    {
      author: 'fournilmartin',
      authorName: 'Le Fournil Martin',
      followers: 980,
      daysAgo: 14,
      text: 'Nouveau au Fournil Martin : la baguette tradition à 1,10 € toute la semaine. Venez goûter !',
      language: 'fr',
    },
    {
      author: 'sophie_gourmande',
      authorName: 'Sophie',
      daysAgo: 9,
      text: 'Le Fournil Martin a changé de farine ? Les baguettes sont moins bonnes depuis deux semaines.',
      language: 'fr',
    },
    {
      author: 'julie_r',
      authorName: 'Julie R.',
      daysAgo: 6,
      text: '@boulangeriesdupont Bonjour, faites-vous des gâteaux sans gluten sur commande pour un anniversaire ?',
      language: 'fr',
    },
    {
      author: 'marc_b',
      authorName: 'Marc B.',
      daysAgo: 3,
      text: '@boulangeriesdupont Encore un click & collect pas prêt à 7 h ce matin. Déçu, j’ai dû repartir sans mon pain.',
      language: 'fr',
    },
    {
      author: 'paul_voisin',
      authorName: 'Paul',
      daysAgo: 1,
      text: '@boulangeriesdupont Vous êtes ouverts le 1er mai ? Merci !',
      language: 'fr',
    },
  ],
  mutuelle: [
    {
      author: 'leconomiste_savoie',
      authorName: 'L’Économiste de Savoie',
      followers: 12400,
      daysAgo: 25,
      text: 'Complémentaires santé : la Mutuelle des Alpes gèle ses cotisations pour les moins de 30 ans, la Mutuelle du Lac augmente de 4 %.',
      language: 'fr',
    },
    {
      author: 'nadia_k',
      authorName: 'Nadia K.',
      daysAgo: 18,
      text: 'Remboursement des lunettes en 5 jours par la Mutuelle des Alpes, et un conseiller qui rappelle vraiment. Bravo.',
      language: 'fr',
    },
    {
      author: 'mutuelledulac',
      authorName: 'Mutuelle du Lac',
      followers: 2100,
      daysAgo: 15,
      text: 'La Mutuelle du Lac lance son offre jeunes actifs : téléconsultation incluse dès le premier mois.',
      language: 'fr',
    },
    {
      author: 'thomas_annecy',
      authorName: 'Thomas',
      daysAgo: 11,
      text: 'Trois semaines pour un remboursement dentaire à la Mutuelle du Lac, et personne au téléphone. Inadmissible.',
      language: 'fr',
    },
    {
      author: 'ines_etudiante',
      authorName: 'Inès',
      daysAgo: 8,
      text: '@mutuelledesalpes Bonjour, je commence mon premier emploi : puis-je garder ma mutuelle étudiante ou dois-je prendre celle de l’entreprise ?',
      language: 'fr',
    },
    {
      author: 'gerard_ch',
      authorName: 'Gérard',
      daysAgo: 5,
      text: '@mutuelledesalpes Mon remboursement de kiné est en attente depuis un mois, c’est un scandale. Qui peut m’aider ?',
      language: 'fr',
    },
    {
      author: 'lea_m',
      authorName: 'Léa M.',
      daysAgo: 2,
      text: '@mutuelledesalpes Où trouver l’attestation de tiers payant dans l’espace adhérent ?',
      language: 'fr',
    },
  ],
  velo: [
    {
      author: 'velomag_ch',
      authorName: 'VéloMag Suisse',
      followers: 18300,
      daysAgo: 26,
      text: 'Test: the Cycles Léman City holds up after 5,000 km of Lausanne hills. Alpen Bikes e-Tour still wins on range.',
      language: 'en',
    },
    {
      author: 'ride_geneva',
      authorName: 'Ride Geneva',
      followers: 2400,
      daysAgo: 20,
      text: 'Alpen Bikes recalls 1,200 e-bike batteries after overheating reports. Owners should stop charging overnight.',
      language: 'en',
    },
    {
      author: 'sam_commutes',
      authorName: 'Sam',
      daysAgo: 16,
      text: 'Two years on my Cycles Léman cargo bike, kids to school every day, not one breakdown. Best purchase ever.',
      language: 'en',
    },
    {
      author: 'alpenbikes',
      authorName: 'Alpen Bikes',
      followers: 7600,
      daysAgo: 13,
      text: 'Alpen Bikes spring sale: 15 % off every e-Tour until Sunday.',
      language: 'en',
    },
    {
      author: 'nico_vd',
      authorName: 'Nico',
      daysAgo: 10,
      text: 'Cycles Léman hydraulic brakes squeal after one rainy month and the dealer says it is normal. Disappointed.',
      language: 'en',
    },
    {
      author: 'anna_bern',
      authorName: 'Anna',
      daysAgo: 7,
      text: '@cyclesleman Hi! Does the Léman City fit a child seat on the rear rack, and which one do you recommend?',
      language: 'en',
    },
    {
      author: 'pierre_lausanne',
      authorName: 'Pierre',
      daysAgo: 4,
      text: '@cyclesleman My frame has a crack near the weld after 8 months. Is this covered by the warranty?',
      language: 'en',
    },
    {
      author: 'marie_cyclo',
      authorName: 'Marie',
      daysAgo: 1,
      text: '@cyclesleman Can I book a test ride on Saturday morning in Lausanne?',
      language: 'en',
    },
  ],
};

/** Comments fictional customers leave under a client's new post, a few seconds after it is published (in turn). */
export const DEMO_COMMENTS: Record<string, { author: string; authorName: string; text: string }[]> = {
  boulangerie: [
    { author: 'claire_lyon', authorName: 'Claire M.', text: 'Génial ! Et on peut commander des viennoiseries aussi ?' },
    { author: 'marc_b', authorName: 'Marc B.', text: 'À condition que ce soit prêt à l’heure cette fois…' },
  ],
  mutuelle: [
    { author: 'nadia_k', authorName: 'Nadia K.', text: 'Merci pour ces conseils, très utile ! Vous faites des ateliers en agence ?' },
  ],
  velo: [
    { author: 'sam_commutes', authorName: 'Sam', text: 'Booked for Thursday, can I bring my own pedals?' },
    { author: 'nico_vd', authorName: 'Nico', text: 'Nice, but what about the squeaky brakes?' },
    { author: 'anna_bern', authorName: 'Anna', text: 'Love it! Is there a kids version?' },
  ],
};
