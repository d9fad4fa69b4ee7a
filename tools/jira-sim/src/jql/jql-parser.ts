import type { JqlClause, JqlListOperand, JqlOperand, JqlOperator, JqlQuery, JqlSort } from './jql-ast.js';
import { JQL_KEYWORDS, JQL_RESERVED_WORDS, JqlTokenCursor } from './jql-token-cursor.js';

const OPERATORS_HINT =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

const MAX_NESTING = 200;

/** Recursive-descent JQL parser over tokens: OR binds loosest, then AND, then NOT, then parentheses. */
export class JqlParser extends JqlTokenCursor {
  /** Nesting of parentheses and NOT; bounded so a hostile query is a 400, not a stack overflow. */
  private depth = 0;

  /** Parses the whole token stream (from `start`) as `[clause] [ORDER BY sort, ...]`. */
  parseQuery(): JqlQuery {
    const where = this.isKeyword('order') || this.peek().kind === 'eof' ? undefined : this.parseOr();
    const orderBy = this.isKeyword('order') ? this.parseOrderBy() : [];
    const rest = this.peek();
    if (rest.kind !== 'eof') throw this.error(`Expecting either 'OR' or 'AND' but got '${rest.raw}'.`, rest);
    return where === undefined ? { orderBy } : { where, orderBy };
  }

  private parseOr(): JqlClause {
    const clauses = [this.parseAnd()];
    while (this.isKeyword('or') || this.isSymbol('|') || this.isSymbol('||')) {
      this.at += 1;
      clauses.push(this.parseAnd());
    }
    return clauses.length === 1 ? clauses[0]! : { type: 'or', clauses };
  }

  private parseAnd(): JqlClause {
    const clauses = [this.parseNot()];
    while (this.isKeyword('and') || this.isSymbol('&') || this.isSymbol('&&')) {
      this.at += 1;
      clauses.push(this.parseNot());
    }
    return clauses.length === 1 ? clauses[0]! : { type: 'and', clauses };
  }

  private parseNot(): JqlClause {
    if (this.depth >= MAX_NESTING) throw this.error(`The query is nested more than ${MAX_NESTING} levels deep.`, this.peek());
    this.depth += 1;
    try {
      return this.parseNested();
    } finally {
      this.depth -= 1;
    }
  }

  private parseNested(): JqlClause {
    if (this.isKeyword('not') || this.isSymbol('!')) {
      this.at += 1;
      return { type: 'not', clause: this.parseNot() };
    }
    if (this.isSymbol('(')) {
      this.at += 1;
      const clause = this.parseOr();
      this.expectSymbol(')');
      return clause;
    }
    return this.parseTerminal();
  }

  private parseTerminal(): JqlClause {
    const token = this.peek();
    const field = this.expectName('field name');
    const operator = this.parseOperator();
    return { type: 'terminal', field, operator, operand: this.parseOperand(true), offset: token.offset };
  }

  private parseOperator(): JqlOperator {
    const token = this.next();
    if (token.kind === 'operator') return token.value as JqlOperator;
    const word = token.kind === 'word' ? token.value.toLowerCase() : '';
    if (word === 'in') return 'IN';
    if (word === 'not' && this.isKeyword('in')) return this.skip('NOT IN');
    if (word === 'is') return this.isKeyword('not') ? this.skip('IS NOT') : 'IS';
    if (token.kind === 'eof') throw this.error(`Expecting operator before the end of the query. ${OPERATORS_HINT}`);
    throw this.error(`Expecting operator but got '${token.raw}'. ${OPERATORS_HINT}`, token);
  }

  private parseOperand(allowList: boolean): JqlOperand {
    const token = this.next();
    if (token.kind === 'string') return { type: 'value', value: token.value, quoted: true, numeric: false, offset: token.offset };
    if (token.kind === 'symbol' && token.value === '(' && allowList) return this.parseList(token.offset);
    const word = token.kind === 'word' ? token.value.toLowerCase() : undefined;
    if (word === 'empty' || word === 'null') return { type: 'empty', offset: token.offset };
    if (token.kind === 'word' && !JQL_KEYWORDS.has(word ?? '')) {
      if (this.isSymbol('(')) return { type: 'function', name: token.value, args: this.parseArgs(), offset: token.offset };
      if (JQL_RESERVED_WORDS.has(word ?? '')) {
        throw this.error(`'${token.raw}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`, token);
      }
      const numeric = /^\d+$/.test(token.value);
      return { type: 'value', value: token.value, quoted: false, numeric, offset: token.offset };
    }
    if (token.kind === 'eof') throw this.error('Expecting either a value, list or function before the end of the query.');
    throw this.error(
      `Expecting either a value, list or function but got '${token.raw}'. ` +
        `You must surround '${token.raw}' in quotation marks to use it as a value.`,
      token,
    );
  }

  private parseList(offset: number): JqlListOperand {
    const items: JqlListOperand['items'][number][] = [];
    do {
      items.push(this.parseOperand(false) as JqlListOperand['items'][number]);
    } while (this.isSymbol(',') && this.skip(true));
    this.expectSymbol(')');
    return { type: 'list', items, offset };
  }

  private parseArgs(): string[] {
    this.at += 1; // the '('
    const args: string[] = [];
    while (!this.isSymbol(')')) {
      const token = this.next();
      if (token.kind !== 'word' && token.kind !== 'string') {
        if (token.kind === 'eof') throw this.error("Expecting ')' before the end of the query.");
        throw this.error(`Expecting ')' but got '${token.raw}'.`, token);
      }
      args.push(token.value);
      if (!this.isSymbol(')')) this.expectSymbol(',');
    }
    this.at += 1;
    return args;
  }

  private parseOrderBy(): JqlSort[] {
    this.at += 1; // ORDER
    const by = this.next();
    if (by.kind !== 'word' || by.value.toLowerCase() !== 'by') {
      if (by.kind === 'eof') throw this.error("Expecting 'BY' before the end of the query.");
      throw this.error(`Expecting 'BY' but got '${by.raw}'.`, by);
    }
    const sorts: JqlSort[] = [];
    do {
      const offset = this.peek().offset;
      const field = this.expectName('field name');
      const direction = this.isKeyword('asc') ? 'ASC' : this.isKeyword('desc') ? 'DESC' : undefined;
      if (direction !== undefined) this.at += 1;
      sorts.push(direction === undefined ? { field, offset } : { field, direction, offset });
    } while (this.isSymbol(',') && this.skip(true));
    return sorts;
  }
}
