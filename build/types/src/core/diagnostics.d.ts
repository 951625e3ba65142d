import type { RuleMeta } from './rule.js';
export declare const DIAGNOSTICS: {
    internalError: {
        id: string;
        level: "error";
        description: string;
        constraint: {
            title: string;
            source: string;
        };
        tags: string[];
        docsUrl: string;
        messages: {
            threw: {
                text: string;
            };
        };
    };
    suppressionReason: {
        id: string;
        level: "warning";
        description: string;
        constraint: {
            title: string;
            source: string;
        };
        tags: string[];
        docsUrl: string;
        messages: {
            missing: {
                text: string;
            };
        };
    };
    unusedSuppression: {
        id: string;
        level: "warning";
        description: string;
        constraint: {
            title: string;
            source: string;
        };
        tags: string[];
        docsUrl: string;
        messages: {
            unused: {
                text: string;
            };
        };
    };
    suppressionExpired: {
        id: string;
        level: "warning";
        description: string;
        constraint: {
            title: string;
            source: string;
        };
        tags: string[];
        docsUrl: string;
        messages: {
            expired: {
                text: string;
            };
        };
    };
};
export declare const DIAGNOSTIC_METAS: RuleMeta[];
