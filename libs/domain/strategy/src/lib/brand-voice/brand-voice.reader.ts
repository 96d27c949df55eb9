import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@socle/platform-database';

/** French form of address of the brand. */
export type AddressForm = 'TU' | 'VOUS';

/** How the organisation speaks: read by the content rules (words to avoid, form of address). */
export interface BrandVoice {
  tone: string;
  wordsToUse: string[];
  wordsToAvoid: string[];
  addressForm: AddressForm | null;
  updatedAt: Date;
}

/** Reads an organisation's brand voice; other modules depend on this, never on the table. */
export abstract class BrandVoiceReader {
  abstract read(uow: UnitOfWork, organizationId: string): Promise<BrandVoice | null>;
}

interface BrandVoiceRow {
  tone: string;
  words_to_use: string[];
  words_to_avoid: string[];
  address_form: AddressForm | null;
  updated_at: Date;
}

@Injectable()
export class SqlBrandVoiceReader extends BrandVoiceReader {
  async read(uow: UnitOfWork, organizationId: string): Promise<BrandVoice | null> {
    const [row] = await uow.prepared<BrandVoiceRow>(
      'strategy.brandVoice.read',
      'SELECT tone, words_to_use, words_to_avoid, address_form, updated_at FROM brand_voices WHERE organization_id = $1',
      [organizationId],
    );
    if (!row) return null;
    return {
      tone: row.tone,
      wordsToUse: row.words_to_use,
      wordsToAvoid: row.words_to_avoid,
      addressForm: row.address_form,
      updatedAt: row.updated_at,
    };
  }
}
