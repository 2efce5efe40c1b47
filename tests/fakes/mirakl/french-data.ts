/** Buyers the simulator invents: common French names and real city / postal code pairs. */

export const FIRST_NAMES = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Louise', 'Jade', 'Emma', 'Sophie', 'Élodie', 'Lucas',
  'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Nathan', 'Théo', 'Raphaël', 'Julien', 'François', 'Aurélie',
];

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Faure', 'Chevalier', 'Garnier',
];

export const STREETS = [
  'rue de la République', 'rue Victor Hugo', 'avenue Jean Jaurès', 'boulevard Gambetta', 'rue Pasteur',
  'place de la Mairie', 'rue des Lilas', 'chemin des Vignes', 'allée des Tilleuls', 'rue du Général Leclerc',
  'avenue de la Gare', 'rue Nationale', 'impasse des Peupliers', 'rue Jules Ferry', 'quai de la Loire',
];

/** [postal code, city]: each pair is a real commune and one of its postal codes. */
export const CITIES: ReadonlyArray<readonly [string, string]> = [
  ['75011', 'Paris'], ['69003', 'Lyon'], ['13006', 'Marseille'], ['31000', 'Toulouse'], ['06000', 'Nice'],
  ['44000', 'Nantes'], ['67000', 'Strasbourg'], ['34000', 'Montpellier'], ['33000', 'Bordeaux'],
  ['59000', 'Lille'], ['35000', 'Rennes'], ['51100', 'Reims'], ['76600', 'Le Havre'], ['42000', 'Saint-Étienne'],
  ['83000', 'Toulon'], ['38000', 'Grenoble'], ['21000', 'Dijon'], ['49000', 'Angers'], ['30000', 'Nîmes'],
  ['74000', 'Annecy'], ['37000', 'Tours'], ['63000', 'Clermont-Ferrand'], ['29200', 'Brest'],
  ['87000', 'Limoges'], ['80000', 'Amiens'], ['66000', 'Perpignan'], ['57000', 'Metz'], ['25000', 'Besançon'],
  ['45000', 'Orléans'], ['76000', 'Rouen'], ['14000', 'Caen'], ['54000', 'Nancy'], ['17000', 'La Rochelle'],
  ['84000', 'Avignon'], ['86000', 'Poitiers'], ['64000', 'Pau'], ['29000', 'Quimper'], ['68000', 'Colmar'],
  ['73000', 'Chambéry'], ['56000', 'Vannes'],
];

export const SHIPPING_TYPES = [
  { code: 'STD', label: 'Livraison standard', priceMinor: 490, days: 3 },
  { code: 'EXP', label: 'Livraison express', priceMinor: 990, days: 1 },
] as const;
