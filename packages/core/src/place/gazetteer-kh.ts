/**
 * Cambodia's 25 first-level units (ISO 3166-2:KH) with the English names readers and reporters
 * use. Names follow common English usage; the ISO romanisations are kept as aliases.
 * Towns that share a unit's name (Kratie, Pursat, Siem Reap…) resolve to the unit, as news
 * reports mean them; towns with names of their own are listed in KH_CITIES.
 */
export interface GazetteerUnit {
  code: string;
  name: string;
  kind: 'province' | 'municipality';
  aliases: readonly string[];
}

/**
 * Code → common English name. Kept apart from the aliases so that code that only names units
 * (the fact box) does not carry every romanisation. A Map: codes may come from user text.
 */
export const KH_UNIT_NAMES: ReadonlyMap<string, string> = new Map([
  ['KH-1', 'Banteay Meanchey'],
  ['KH-2', 'Battambang'],
  ['KH-3', 'Kampong Cham'],
  ['KH-4', 'Kampong Chhnang'],
  ['KH-5', 'Kampong Speu'],
  ['KH-6', 'Kampong Thom'],
  ['KH-7', 'Kampot'],
  ['KH-8', 'Kandal'],
  ['KH-9', 'Koh Kong'],
  ['KH-10', 'Kratie'],
  ['KH-11', 'Mondulkiri'],
  ['KH-12', 'Phnom Penh'],
  ['KH-13', 'Preah Vihear'],
  ['KH-14', 'Prey Veng'],
  ['KH-15', 'Pursat'],
  ['KH-16', 'Ratanakiri'],
  ['KH-17', 'Siem Reap'],
  ['KH-18', 'Preah Sihanouk'],
  ['KH-19', 'Stung Treng'],
  ['KH-20', 'Svay Rieng'],
  ['KH-21', 'Takeo'],
  ['KH-22', 'Oddar Meanchey'],
  ['KH-23', 'Kep'],
  ['KH-24', 'Pailin'],
  ['KH-25', 'Tbong Khmum'],
]);

export const KH_UNITS: readonly GazetteerUnit[] = [
  {
    code: 'KH-1',
    name: 'Banteay Meanchey',
    kind: 'province',
    aliases: ['Banteay Mean Chey', 'Banteay Mean Choăy', 'Bântéay Méanchey'],
  },
  {
    code: 'KH-2',
    name: 'Battambang',
    kind: 'province',
    aliases: ['Baat Dambang', 'Batdambang', 'Bătdâmbâng'],
  },
  {
    code: 'KH-3',
    name: 'Kampong Cham',
    kind: 'province',
    aliases: ['Kampong Chaam', 'Kâmpóng Cham'],
  },
  {
    code: 'KH-4',
    name: 'Kampong Chhnang',
    kind: 'province',
    aliases: ['Kâmpóng Chhnăng'],
  },
  {
    code: 'KH-5',
    name: 'Kampong Speu',
    kind: 'province',
    aliases: ['Kampong Spueu', 'Kâmpóng Spœ'],
  },
  {
    code: 'KH-6',
    name: 'Kampong Thom',
    kind: 'province',
    aliases: ['Kampong Thum', 'Kâmpóng Thum'],
  },
  { code: 'KH-7', name: 'Kampot', kind: 'province', aliases: ['Kâmpôt'] },
  {
    code: 'KH-8',
    name: 'Kandal',
    kind: 'province',
    aliases: ['Kandaal', 'Kândal'],
  },
  {
    code: 'KH-9',
    name: 'Koh Kong',
    kind: 'province',
    aliases: ['Kaoh Kong', 'Kaôh Kong'],
  },
  {
    code: 'KH-10',
    name: 'Kratie',
    kind: 'province',
    aliases: ['Kratié', 'Kracheh', 'Krâchéh'],
  },
  {
    code: 'KH-11',
    name: 'Mondulkiri',
    kind: 'province',
    aliases: ['Mondol Kiri', 'Môndól Kiri', 'Mondul Kiri'],
  },
  {
    code: 'KH-12',
    name: 'Phnom Penh',
    kind: 'municipality',
    aliases: ['Phnum Penh', 'Phnum Pénh'],
  },
  {
    code: 'KH-13',
    name: 'Preah Vihear',
    kind: 'province',
    aliases: ['Preăh Vihéar'],
  },
  {
    code: 'KH-14',
    name: 'Prey Veng',
    kind: 'province',
    aliases: ['Prey Veaeng', 'Prey Vêng'],
  },
  {
    code: 'KH-15',
    name: 'Pursat',
    kind: 'province',
    aliases: ['Pousaat', 'Poŭthĭsăt', 'Pouthisat'],
  },
  {
    code: 'KH-16',
    name: 'Ratanakiri',
    kind: 'province',
    aliases: ['Rotanak Kiri', 'Rôtânôkiri', 'Ratanak Kiri', 'Rattanakiri'],
  },
  {
    code: 'KH-17',
    name: 'Siem Reap',
    kind: 'province',
    aliases: ['Siem Reab', 'SiĕmRéab'],
  },
  {
    code: 'KH-18',
    name: 'Preah Sihanouk',
    kind: 'province',
    aliases: [
      'Sihanoukville',
      'Kampong Saom',
      'Kompong Som',
      'Krong Preah Sihanouk',
    ],
  },
  {
    code: 'KH-19',
    name: 'Stung Treng',
    kind: 'province',
    aliases: ['Stueng Traeng', 'Stœ̆ng Trêng'],
  },
  {
    code: 'KH-20',
    name: 'Svay Rieng',
    kind: 'province',
    aliases: ['Svaay Rieng', 'Svay Riĕng'],
  },
  {
    code: 'KH-21',
    name: 'Takeo',
    kind: 'province',
    aliases: ['Taakaev', 'Takév'],
  },
  {
    code: 'KH-22',
    name: 'Oddar Meanchey',
    kind: 'province',
    aliases: ['Otdar Mean Chey', 'Ŏtdâr Méanchey', 'Oddar Mean Chey'],
  },
  { code: 'KH-23', name: 'Kep', kind: 'province', aliases: ['Kaeb', 'Kêb'] },
  { code: 'KH-24', name: 'Pailin', kind: 'province', aliases: ['Pailĭn'] },
  {
    code: 'KH-25',
    name: 'Tbong Khmum',
    kind: 'province',
    aliases: ['Tboung Khmum', 'Tbaung Khmum'],
  },
];

/** Cities and towns whose names are not those of a first-level unit. */
export const KH_CITIES: ReadonlyArray<{
  name: string;
  subdivision: string;
  aliases: readonly string[];
}> = [
  { name: 'Poipet', subdivision: 'KH-1', aliases: ['Paoy Paet', 'Poi Pet'] },
  { name: 'Serei Saophoan', subdivision: 'KH-1', aliases: ['Sisophon'] },
  { name: 'Bavet', subdivision: 'KH-20', aliases: [] },
  { name: 'Chrey Thom', subdivision: 'KH-8', aliases: [] },
  { name: 'Ta Khmau', subdivision: 'KH-8', aliases: ['Takhmao'] },
  { name: 'Samraong', subdivision: 'KH-22', aliases: [] },
  { name: 'Suong', subdivision: 'KH-25', aliases: [] },
];
