export {
  resolvePlace,
  countryName,
  subdivisionName,
  isFirstLevel,
  PlaceSchema,
  PLACE_KINDS,
} from './resolve.js';
export type { Place, ResolvePlaceOptions } from './resolve.js';
export { demonym, countryFromDemonym } from './demonym.js';
export type { DemonymOptions } from './demonym.js';
export { KH_UNITS, KH_CITIES } from './gazetteer-kh.js';
export type { GazetteerUnit } from './gazetteer-kh.js';
