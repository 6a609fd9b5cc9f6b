import { articleIssue } from '../messages/article-issue.js';
import { stringThat } from './text.js';

/** An ISO 3166-1 alpha-2 code, upper case: "KH", "VN". */
export const CountryCodeSchema = stringThat(
  (s) => /^[A-Z]{2}$/.test(s),
  articleIssue('country-invalid'),
);

/** An ISO 3166-2 code of a country's first-level subdivision: "KH-12", "VN-SG". */
export const SubdivisionCodeSchema = stringThat(
  (s) => /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(s),
  articleIssue('subdivision-invalid'),
);
