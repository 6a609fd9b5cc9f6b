
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'count.none': `No comments`,
'count.one': str`${0} comment`,
'count.two': str`${0} comments`,
'count.few': str`${0} comments`,
'count.many': str`${0} comments`,
'count.other': str`${0} comments`,
'count.unknown': `Comments`,
    };
  