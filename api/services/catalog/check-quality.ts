import { isValidGtin } from '../../../labels/check-digits.js';
import { overrideFor } from '../pricing/compute-price.js';

/** What a channel demands of a listing before it accepts it. */
export interface QualityRules {
  minImages: number;
  maxTitleLength: number;
  isEanRequired: boolean;
  /** Attributes a category needs (prefix match: "textile" covers "textile/t-shirts"). */
  requiredAttributes: { category: string; attributes: string[] }[];
}

/** Marketplace limits as their seller guides state them; the merchant can tighten or loosen each. */
export function defaultQualityRules(channelType: string): QualityRules {
  const textile = { category: 'textile', attributes: ['composition', 'care_instructions'] };
  const common = { minImages: 1, isEanRequired: true, requiredAttributes: [textile] };
  switch (channelType) {
    case 'ebay':
      return { ...common, maxTitleLength: 80 };
    case 'amazon':
      return { ...common, maxTitleLength: 200 };
    case 'woocommerce':
    case 'shopify':
    case 'manual':
      return { ...common, minImages: 0, isEanRequired: false, maxTitleLength: 255 };
    default:
      return { ...common, maxTitleLength: 150 };
  }
}

export interface QualityInput {
  name: string;
  ean: string | null;
  category: string | null;
  images: string[];
  attributes: Record<string, string>;
}

export interface QualityProblem {
  code:
    | 'title_too_long'
    | 'title_missing'
    | 'too_few_images'
    | 'ean_missing'
    | 'ean_invalid'
    | 'attribute_missing';
  message: string;
}

/** Every reason the channel would refuse the listing; empty = it may be published. */
export function checkQuality(product: QualityInput, rules: QualityRules): QualityProblem[] {
  const problems: QualityProblem[] = [];
  const title = product.name.trim();
  if (title === '') problems.push({ code: 'title_missing', message: 'The product has no title' });
  else if ([...title].length > rules.maxTitleLength)
    problems.push({
      code: 'title_too_long',
      message: `Title is ${[...title].length} characters; the channel allows ${rules.maxTitleLength}`,
    });
  if (product.images.length < rules.minImages)
    problems.push({
      code: 'too_few_images',
      message: `${product.images.length} image(s); the channel needs at least ${rules.minImages}`,
    });
  if (!product.ean) {
    if (rules.isEanRequired) problems.push({ code: 'ean_missing', message: 'The channel needs an EAN' });
  } else if (!isValidGtin(product.ean))
    problems.push({ code: 'ean_invalid', message: `EAN ${product.ean} has a wrong length or check digit` });
  const required = new Set<string>();
  for (const r of rules.requiredAttributes) {
    if (overrideFor([r], product.category)) for (const a of r.attributes) required.add(a);
  }
  for (const a of required) {
    if (!product.attributes[a]?.trim())
      problems.push({
        code: 'attribute_missing',
        message: `Category ${product.category} needs the attribute "${a}"`,
      });
  }
  return problems;
}
