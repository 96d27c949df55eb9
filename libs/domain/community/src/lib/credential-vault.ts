import { Inject, Injectable } from '@nestjs/common';
import type { Credentials } from '@socle/connector-sdk';
import { SecretBox } from '@socle/platform-crypto';

export const SECRET_BOX = Symbol('SECRET_BOX');

/**
 * Seals network credentials for one row. The additional authenticated data is
 * `organizationId:rowId`: a sealed value copied into another tenant's row, or
 * another row, does not open.
 */
@Injectable()
export class CredentialVault {
  constructor(@Inject(SECRET_BOX) private readonly box: SecretBox) {}

  get activeKeyId(): string {
    return this.box.activeKeyId;
  }

  seal(organizationId: string, rowId: string, credentials: Credentials): { ciphertext: string; keyId: string } {
    const ciphertext = this.box.encrypt(JSON.stringify(credentials), `${organizationId}:${rowId}`);
    return { ciphertext, keyId: this.box.activeKeyId };
  }

  open(organizationId: string, rowId: string, ciphertext: string): Credentials {
    return JSON.parse(this.box.decrypt(ciphertext, `${organizationId}:${rowId}`)) as Credentials;
  }

  sealJson(organizationId: string, rowId: string, value: object): string {
    return this.box.encrypt(JSON.stringify(value), `${organizationId}:${rowId}`);
  }

  openJson<T>(organizationId: string, rowId: string, ciphertext: string): T {
    return JSON.parse(this.box.decrypt(ciphertext, `${organizationId}:${rowId}`)) as T;
  }

  needsRotation(ciphertext: string): boolean {
    return this.box.needsRotation(ciphertext);
  }
}
