// Which peers may send us calls: INVITEs are accepted only from the configured trunk (carrier / SBC)
// addresses. Entries are IPv4/IPv6 addresses or CIDR ranges ("10.1.2.3", "10.0.0.0/8", "::1").
import { BlockList, isIP } from 'node:net';

export interface TrunkAcl {
  /** True when `address` (the packet's source address) belongs to a configured trunk. */
  allows(address: string): boolean;
}

export class TrunkAclEntryError extends Error {
  constructor(readonly entry: string) {
    super(`invalid trunk address "${entry}" (expected an IP address or CIDR range)`);
    this.name = 'TrunkAclEntryError';
  }
}

function family(ip: string): 'ipv4' | 'ipv6' | undefined {
  const v = isIP(ip);
  return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : undefined;
}

/** Build the ACL once from config; throws TrunkAclEntryError for an entry that is not an address/range. */
export function createTrunkAcl(entries: readonly string[]): TrunkAcl {
  const list = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim();
    const [ip = '', bits] = entry.split('/');
    const fam = family(ip);
    if (!fam) throw new TrunkAclEntryError(raw);
    if (bits === undefined) {
      list.addAddress(ip, fam);
      continue;
    }
    const prefix = Number(bits);
    const max = fam === 'ipv4' ? 32 : 128;
    if (!/^\d{1,3}$/.test(bits) || prefix > max) throw new TrunkAclEntryError(raw);
    list.addSubnet(ip, prefix, fam);
  }
  return {
    allows(address: string): boolean {
      // "::ffff:1.2.3.4" (IPv4-mapped, as Node reports some sockets) is checked as IPv4.
      const plain =
        address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
      const fam = family(plain);
      return fam ? list.check(plain, fam) : false;
    },
  };
}
