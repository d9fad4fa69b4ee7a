/** Who approves /authorize requests: the configured OAuth user and the sites they grant (control API can change it). */
export interface ConsentConfig {
  accountId: string;
  /** Sites granted on consent; empty means every site the account can use. */
  cloudIds: string[];
  /** Refuse consent (redirect with error=access_denied). */
  deny: boolean;
}
