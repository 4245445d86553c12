// The provider's AutoMTLS identity: a throwaway self-signed certificate built per process.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { bitString, bool, explicit, objectIdentifier, octetString, sequence, set, smallInteger, tlv, unsignedInteger, utcTime, utf8String } from './der.ts';

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

/** What a TLS server needs, plus the DER that goes into the handshake line. */
export interface SelfSignedCert {
  certPem: string;
  keyPem: string;
  certDer: Buffer;
}

const extension = (oid: string, critical: boolean, value: Uint8Array): Buffer =>
  critical ? sequence(objectIdentifier(oid), bool(true), octetString(value)) : sequence(objectIdentifier(oid), octetString(value));

/**
 * Terraform trusts exactly the certificate the plugin prints and dials it as `localhost`,
 * so it must be a CA (go-plugin's client adds it as a root) valid for server and client auth.
 */
export function createSelfSignedCert(now = new Date()): SelfSignedCert {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const name = sequence(
    set(sequence(objectIdentifier(OID.organization), utf8String('aicloud'))),
    set(sequence(objectIdentifier(OID.commonName), utf8String('localhost'))),
  );
  // A serial whose first byte is 0 would be re-encoded shorter by strict parsers; keep it in 1..0x7f.
  const serial = randomBytes(16);
  serial[0] = (serial[0]! % 0x7f) + 1;
  const signatureAlgorithm = sequence(objectIdentifier(OID.ecdsaWithSha256));
  const keyUsageBits = bitString(Buffer.from([0xa4]), 2); // digitalSignature, keyEncipherment, keyCertSign
  const extensions = sequence(
    extension(OID.basicConstraints, true, sequence(bool(true))),
    extension(OID.keyUsage, true, keyUsageBits),
    extension(OID.extKeyUsage, false, sequence(objectIdentifier(OID.serverAuth), objectIdentifier(OID.clientAuth))),
    extension(OID.subjectAltName, false, sequence(tlv(0x82, Buffer.from('localhost', 'ascii')), tlv(0x87, Buffer.from([127, 0, 0, 1])))),
  );
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    signatureAlgorithm,
    name,
    sequence(utcTime(new Date(now.getTime() - 60_000)), utcTime(new Date(now.getTime() + 365 * 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certDer = sequence(tbs, signatureAlgorithm, bitString(signature));
  const body = certDer.toString('base64').replace(/.{1,64}/g, '$&\n');
  return {
    certDer,
    certPem: `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
