import * as z from 'zod/mini';
import { isEdtf } from '../date/edtf.js';
import { articleIssue as issue } from '../messages/article-issue.js';
import { PlaceSchema } from '../place/resolve.js';
import { QuantitySchema } from '../quantity/schema.js';
import { CountryCodeSchema } from '../validation/country.js';
import { isHttpUrl } from '../validation/formats.js';
import { text } from '../validation/article-text.js';
import { stringThat } from '../validation/text.js';

/** Who a report credits for a fact: an organisation, a publication, an official. */
export const SourceSchema = z.object({
  name: text('A source’s name'),
  url: z.optional(
    stringThat(
      isHttpUrl,
      issue('http-url-invalid', { what: 'A source’s address' }),
    ),
  ),
  /** What kind of source: "un-agency", "ngo", "government", "media", "investigation"… */
  kind: z.optional(z.string()),
});
export type Source = z.infer<typeof SourceSchema>;

/** Offences in controlled words, so sites can filter and count them. */
export const OFFENCES = [
  'online-fraud',
  'human-trafficking',
  'forced-labour',
  'child-labour',
  'torture',
  'money-laundering',
  'illegal-gambling',
  'kidnapping',
  'corruption',
] as const;
export type Offence = (typeof OFFENCES)[number];

export const STANCES = [
  'supportive',
  'concerned',
  'critical',
  'neutral',
] as const;

/** A place as the report names it, with what it resolves to. */
export const NamedPlaceSchema = z.object({
  /** The name as written in the report ("Sihanoukville"). */
  name: text('A place’s name'),
  /** The place it resolves to; absent when the gazetteer does not know it. */
  place: z.optional(PlaceSchema),
});

/** An enforcement operation as a news report describes it. */
export const OperationSchema = z.object({
  id: text('An operation’s id'),
  /** ISO 3166-1 alpha-2 code of the country that ran it. */
  country: CountryCodeSchema,
  period: z.object({
    /** When, in EDTF ("2025-07-1X" for mid-July 2025). */
    edtf: stringThat(isEdtf, issue('period-invalid')),
    /** The report's own words ("over several days in mid-July 2025"). */
    wording: z.optional(z.string()),
    /** How long, as a quantity of days ("several days"). */
    duration: z.optional(QuantitySchema),
  }),
  directive: z.optional(
    z.object({
      issuedBy: text('Who issued the directive'),
      role: z.optional(z.string()),
      /** What it said, in the report's words. */
      summary: text('What the directive said'),
      /** What it threatened for those who do not comply. */
      sanction: z.optional(z.string()),
    }),
  ),
  locations: z.object({
    /** How many places the report says ("at least five provinces"). */
    count: z.optional(QuantitySchema),
    /** The kind of place the count is of; named places should be of this kind. */
    countKind: z.optional(z.enum(['province', 'city', 'country'])),
    /** Whether the named list is all of them, or "including" a few. */
    complete: z.optional(z.boolean()),
    named: z.array(NamedPlaceSchema),
    /** Kinds of premises raided ("small residential apartments"). */
    premises: z.optional(z.array(z.string())),
  }),
  /** What the operation went after ("cybercrime rings"). */
  targets: z.array(z.string()),
  /** The agencies or officials that ran it, in the report's words. */
  authorities: z.array(z.string()),
  arrests: z.object({
    total: z.optional(QuantitySchema),
    byNationality: z.array(
      z.object({ country: CountryCodeSchema, count: QuantitySchema }),
    ),
    /** Nationalities the report names without a count. */
    namedWithoutCount: z.array(CountryCodeSchema),
    /** Whether the report adds "and other countries". */
    others: z.optional(z.boolean()),
  }),
  seizures: z.array(
    z.object({
      item: text('A seized item'),
      /** Absent when the report gives no figure for this item. */
      quantity: z.optional(QuantitySchema),
      /** What the items were used for, as the report says. */
      note: z.optional(z.string()),
    }),
  ),
  offences: z.array(
    z.custom<Offence>(
      (value) => (OFFENCES as readonly unknown[]).includes(value),
      issue('offence-invalid', { offences: OFFENCES.join(', ') }),
    ),
  ),
  estimates: z.array(
    z.object({
      /** What is estimated ("people trapped in forced labour in scam compounds"). */
      what: text('What an estimate is of'),
      quantity: QuantitySchema,
      /** What each unit of the quantity is ("person", "USD per year"). */
      unit: z.optional(z.string()),
      /** Who estimated it; absent when the report does not say. */
      by: z.optional(z.string()),
      /** Whom the estimate relies on. */
      basis: z.optional(z.array(SourceSchema)),
      /** The report's own words. */
      wording: z.optional(z.string()),
    }),
  ),
  reactions: z.array(
    z.object({
      organisation: text('An organisation'),
      stance: z.enum(STANCES),
      summary: text('A reaction’s summary'),
    }),
  ),
  sources: z.array(SourceSchema),
});

export type Operation = z.infer<typeof OperationSchema>;
export type NamedPlace = z.infer<typeof NamedPlaceSchema>;
