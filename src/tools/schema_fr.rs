//! The descriptions of the JSON Schemas in French: the schemas are read by
//! the people who write answers files and questionnaires, in an editor,
//! and derive from the types' doc comments, which are English and may link
//! to the code. Each doc comment that reaches a schema is looked up here by
//! its English text (a test makes sure none is missing).

/// (English doc comment, French description), the English with its
/// whitespace collapsed.
pub const DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "A guide (or chapter) link, resolved for display.",
        "Le lien d'un guide (ou d'un chapitre), prêt à afficher.",
    ),
    (
        "A guide of the catalogue (`algorithmes`) or one of its chapters (`algorithmes/mention`).",
        "Un guide du catalogue (`algorithmes`) ou l'un de ses chapitres (`algorithmes/mention`).",
    ),
    (
        "A legal reference, resolved for display.",
        "Une référence juridique, prête à afficher.",
    ),
    (
        "A longer explanation of this choice, shown in help.",
        "Une explication plus longue de ce choix, montrée dans l'aide.",
    ),
    (
        "A questionnaire as it was when the answers were given.",
        "Un questionnaire tel qu'il était quand les réponses ont été données.",
    ),
    (
        "A risk or a limit to know.",
        "Un risque ou une limite à connaître.",
    ),
    (
        "A short paragraph: what it means for the user, and why.",
        "Un court paragraphe : ce que le résultat veut dire pour l'utilisateur, et pourquoi.",
    ),
    (
        "Allowed and encouraged, not required.",
        "Permis et encouragé, pas obligatoire.",
    ),
    (
        "An answer as given in an answers file or at a prompt.",
        "Une réponse, telle que donnée dans un fichier de réponses ou à une question posée.",
    ),
    (
        "Another answer to a question of the path, and where it would lead with every other answer kept (★ JSON contract, `what_would_change`).",
        "Une autre réponse à une question du chemin, et où elle mènerait, toutes les autres réponses restant les mêmes (contrat de la décision JSON, `what_would_change`).",
    ),
    (
        "Answered with a JSON boolean; its two choices have the values `oui` and `non`.",
        "Réponse par un booléen JSON ; ses deux choix ont les valeurs `oui` et `non`.",
    ),
    (
        "Answered with a number; routed by `ranges`.",
        "Réponse par un nombre ; oriente par ses plages (`ranges`).",
    ),
    (
        "Answered with free text, kept for documents, never used for routing.",
        "Réponse libre, gardée pour les documents, qui n'oriente jamais.",
    ),
    (
        "Answered with the `value` of one of its choices.",
        "Réponse par la valeur (`value`) de l'un de ses choix.",
    ),
    (
        "Answers given that this path never asked: reported, never used.",
        "Les réponses données que ce chemin n'a jamais demandées : signalées, jamais utilisées.",
    ),
    (
        "Articles (ids in `articles.toml`) that ground `because`.",
        "Les articles (identifiants de `articles.toml`) qui fondent `because`.",
    ),
    (
        "Articles (ids in `articles.toml`). Required for obligations.",
        "Les articles (identifiants de `articles.toml`). Obligatoires pour une obligation.",
    ),
    (
        "Concrete steps, in order.",
        "Les étapes concrètes, dans l'ordre.",
    ),
    (
        "Context: where the law leaves room, where a guide reads otherwise.",
        "Contexte : là où la loi laisse une marge, là où un guide lit autrement.",
    ),
    (
        "Date (YYYY-MM-DD) of the state of the law this file encodes.",
        "La date (AAAA-MM-JJ) de l'état du droit que ce fichier encode.",
    ),
    (
        "Each question asked, in order, with its answer.",
        "Chaque question posée, dans l'ordre, avec sa réponse.",
    ),
    (
        "Each questionnaire the answers went through, in order.",
        "Chaque questionnaire que les réponses ont traversé, dans l'ordre.",
    ),
    (
        "Every recommended guide link: the outcome's first, then the findings', without repeats.",
        "Tous les liens des guides recommandés : ceux de l'issue d'abord, puis ceux des constats, sans doublon.",
    ),
    (
        "Everything learned on the way, in order, without repeats.",
        "Tout ce qui a été établi en chemin, dans l'ordre, sans doublon.",
    ),
    (
        "Findings (ids) this answer adds to the decision.",
        "Les constats (identifiants) que cette réponse ajoute à la décision.",
    ),
    (
        "Findings (ids) this one replaces when both are on a path: the general caution an early answer brought yields to the precise one a later answer gives (« anonymise, unless… » once the « unless » is known), so that a decision never says « if » about a fact it asked.",
        "Les constats (identifiants) que celui-ci remplace quand les deux sont sur un chemin : la mise en garde générale d'une réponse précoce cède à la précise qu'une réponse suivante donne (« anonymisez, sauf… » une fois le « sauf » connu), si bien qu'une décision ne dit jamais « si » d'un fait qu'elle a demandé.",
    ),
    (
        "Findings added by reaching this outcome.",
        "Les constats ajoutés en atteignant cette issue.",
    ),
    (
        "For each answered question, a fingerprint of its text (the first 16 hexadecimal digits of its SHA-256): tells a reworded question.",
        "Pour chaque question répondue, une empreinte de son texte (les 16 premiers chiffres hexadécimaux de son SHA-256) : elle signale une question reformulée.",
    ),
    (
        "For each question answered on the path, the other answers that would lead to another outcome, or that need more answers to tell (see [`crate::core::change`]). Worked out on demand: absent until the caller asks for it (`--format json` always does).",
        "Pour chaque question répondue du chemin, les autres réponses qui mèneraient à une autre issue, ou qui demandent d'autres réponses pour le dire. Calculé à la demande : absent tant qu'on ne le demande pas (`--format json` le demande toujours).",
    ),
    (
        "Free-text field id → text, for the documents (`aiguillage documents`): the name of the processing or dataset, the service to contact… Never used by the decision. The ids are those of `documents/champs.toml`.",
        "Identifiant de champ libre → texte, pour les documents (`aiguillage documents`) : le nom du traitement ou du jeu de données, le service à contacter… Jamais utilisé par la décision. Les identifiants sont ceux de `documents/champs.toml`.",
    ),
    (
        "Glossary terms used by the question (ids in `glossaire.toml`).",
        "Les termes du glossaire employés par la question (identifiants de `glossaire.toml`).",
    ),
    (
        "Guide chapters that explain it.",
        "Les chapitres de guide qui l'expliquent.",
    ),
    (
        "How the situation ends, in one word. Drives the colour of the verdict.",
        "Comment la situation se termine, en un mot. Donne sa couleur au verdict.",
    ),
    (
        "Id of the first question.",
        "L'identifiant de la première question.",
    ),
    (
        "Id of the next question or outcome.",
        "L'identifiant de la question ou de l'issue suivante.",
    ),
    (
        "Ids of the findings this answer added.",
        "Les identifiants des constats que cette réponse a ajoutés.",
    ),
    ("Its `version`.", "Sa `version`."),
    (
        "Label of the range, e.g. « 50 agents ou plus ».",
        "Le libellé de la plage, par exemple « 50 agents ou plus ».",
    ),
    (
        "Lower bound, included. Absent: no lower bound.",
        "Borne inférieure, incluse. Absente : pas de borne inférieure.",
    ),
    (
        "Never asked: counts how many of the `yes_no` questions named in `count` were answered « oui » on the path so far, and routes by `ranges` on that number, like a `number` question.",
        "Jamais posée : compte combien des questions `yes_no` nommées dans `count` ont reçu « oui » sur le chemin jusqu'ici, et oriente par ses plages (`ranges`) sur ce nombre, comme une question `number`.",
    ),
    (
        "No duty applies (the law does not cover the case).",
        "Aucune obligation ne s'applique (la loi ne couvre pas le cas).",
    ),
    (
        "No duty yet: the document is not finished.",
        "Pas encore d'obligation : le document n'est pas achevé.",
    ),
    (
        "Numbers: every answer from `min` (included) to `below` (excluded) leads there; a missing bound is open. The threshold that flips the result is `min` above the answer given, `below` under it.",
        "Nombres : toutes les réponses de `min` (inclus) à `below` (exclu) y mènent ; une borne absente est ouverte. Le seuil qui fait basculer le résultat est `min` au-dessus de la réponse donnée, `below` au-dessous.",
    ),
    (
        "One answer of a `yes_no` or `choice` question.",
        "Une réponse d'une question `yes_no` ou `choice`.",
    ),
    (
        "One answered question on the path.",
        "Une question répondue du chemin.",
    ),
    (
        "One or two sentences: what the questionnaire decides.",
        "Une ou deux phrases : ce que le questionnaire décide.",
    ),
    (
        "One question: what is asked, how it is answered, where each answer leads.",
        "Une question : ce qui est demandé, comment on y répond, où mène chaque réponse.",
    ),
    (
        "One questionnaire file (`questionnaires/*.toml`).",
        "Un fichier de questionnaire (`questionnaires/*.toml`).",
    ),
    (
        "One range of answers of a `number` question.",
        "Une plage de réponses d'une question `number`.",
    ),
    (
        "Question id → answer. Their order does not matter: the path decides which are used, and in which order.",
        "Identifiant de question → réponse. L'ordre n'importe pas : le chemin décide lesquelles servent, et dans quel ordre.",
    ),
    (
        "Questionnaire to start from; absent: the usual first question.",
        "Le questionnaire de départ ; absent : la première question habituelle.",
    ),
    (
        "Recommended guides, most useful first. At least one.",
        "Les guides recommandés, le plus utile d'abord. Au moins un.",
    ),
    (
        "SHA-256 (hexadecimal) of what decides in it: its questions, answers, findings and outcomes, as JSON, without the texts only a person at a prompt reads (help, glossary terms, description).",
        "SHA-256 (hexadécimal) de ce qui y décide : ses questions, réponses, constats et issues, en JSON, sans les textes que seule lit une personne devant les questions (aides, termes du glossaire, description).",
    ),
    (
        "Set for a step the program worked out (a `tally`): its `answer` is the count, and nobody gave it.",
        "Présent pour une étape que le programme a calculée (un `tally`) : son `answer` est le compte, et personne ne l'a donné.",
    ),
    (
        "Short name of the part of the questionnaire (shown as progress).",
        "Le nom court de la partie du questionnaire (affiché comme repère de progression).",
    ),
    (
        "Something the decision tells the user: an obligation, a recommendation, a warning or a note. Answers and outcomes add findings by id.",
        "Ce que la décision dit à l'utilisateur : une obligation, une possibilité, un point de vigilance ou une note. Les réponses et les issues ajoutent des constats par leur identifiant.",
    ),
    (
        "Something the law allows or good practice advises.",
        "Ce que la loi permet ou que les bonnes pratiques conseillent.",
    ),
    ("Something the law requires.", "Ce que la loi exige."),
    (
        "Stable identifier, used by `--start`, by the listing commands and in answers files (`questionnaire`).",
        "Identifiant stable, utilisé par `--start`, par les commandes de liste et dans les fichiers de réponses (`questionnaire`).",
    ),
    (
        "Stable identifier: the key in answers files. Unique across every questionnaire loaded together.",
        "Identifiant stable : la clé dans les fichiers de réponses. Unique dans tous les questionnaires chargés ensemble.",
    ),
    (
        "Stable value, written in answers files (`oui`/`non` for yes/no).",
        "Valeur stable, écrite dans les fichiers de réponses (`oui`/`non` pour oui/non).",
    ),
    (
        "The JSON Schema of the file, for editors; ignored by the program.",
        "Le schéma JSON du fichier, pour les éditeurs ; ignoré par le programme.",
    ),
    (
        "The answer as given (boolean, number, string).",
        "La réponse telle que donnée (booléen, nombre, texte).",
    ),
    (
        "The answers file (★ contract, see docs/contrat.md).",
        "Le fichier de réponses (contrat : docs/contrat.md).",
    ),
    (
        "The body may not act alone or at all (secret, third-party rights).",
        "L'organisme ne peut pas agir seul, ou pas du tout (secret, droits de tiers).",
    ),
    (
        "The content an answers file was given against (see [`crate::core::stamp`]). Keys unknown here are ignored, so that a file written by a later version stays readable.",
        "Le contenu avec lequel les réponses d'un fichier ont été données. Les clés inconnues ici sont ignorées, si bien qu'un fichier écrit par une version ultérieure reste lisible.",
    ),
    (
        "The finding in one short line (a dozen words), for the brief decision; its articles are cited beside it. Without it, the brief decision shows the first sentence of `text`.",
        "Le constat en une ligne courte (une douzaine de mots), pour la décision brève ; ses articles sont cités à côté. Sans elle, la décision brève montre la première phrase de `text`.",
    ),
    (
        "The finding in one short line, when the content gives one.",
        "Le constat en une ligne courte, quand le contenu en donne une.",
    ),
    (
        "The finding, in one or two sentences.",
        "Le constat, en une ou deux phrases.",
    ),
    (
        "The kind of a question decides the shape of its answer.",
        "Le type d'une question décide de la forme de sa réponse.",
    ),
    (
        "The label of that answer: the choice's, or the range's (for several ranges that lead to the same place, the first one's).",
        "Le libellé de cette réponse : celui du choix, ou de la plage (pour plusieurs plages qui mènent au même endroit, celui de la première).",
    ),
    (
        "The label of the chosen answer, as shown to the user.",
        "Le libellé de la réponse choisie, tel que l'utilisateur l'a vu.",
    ),
    (
        "The law requires an action (publish, mention, communicate…).",
        "La loi exige une action (publier, porter une mention, communiquer…).",
    ),
    (
        "The newer equivalent, where one exists.",
        "L'équivalent récent, quand il existe.",
    ),
    (
        "The numbers that lead to the same place: `[min, below)`.",
        "Les nombres qui mènent au même endroit : `[min, below)`.",
    ),
    (
        "The other answer, as an answers file writes it; for a number, the smallest value of `range`.",
        "L'autre réponse, telle qu'on l'écrit dans un fichier de réponses ; pour un nombre, la plus petite valeur de `range`.",
    ),
    (
        "The outcome it would lead to (id); absent when it needs more answers.",
        "L'issue à laquelle elle mènerait (identifiant) ; absente quand il faut d'autres réponses.",
    ),
    (
        "The outcome the answers led to (id), when they decided.",
        "L'issue à laquelle les réponses ont mené (identifiant), quand elles ont décidé.",
    ),
    ("The question of the path.", "La question du chemin."),
    ("The question, as asked.", "La question, telle que posée."),
    (
        "The questionnaire that holds the outcome (the tree of the resource).",
        "Le questionnaire qui porte l'issue (l'arbre de la ressource).",
    ),
    (
        "The questionnaire the session started from.",
        "Le questionnaire d'où la session est partie.",
    ),
    (
        "The recommendation in one line.",
        "La recommandation en une ligne.",
    ),
    (
        "The rest, shown on demand (« Plus de détails »): the rule the question comes from, examples, borderline cases, readings.",
        "Le reste, montré à la demande (« Plus de détails ») : la règle d'où vient la question, des exemples, les cas limites, les lectures.",
    ),
    (
        "The result (★ JSON contract, documented in docs/contrat.md; its JSON Schema is `aiguillage schema decision`).",
        "Le résultat (contrat de la décision JSON, décrit dans docs/contrat.md ; son schéma est `aiguillage schema decision`).",
    ),
    (
        "The short answer to « what should I pick? », shown first by « ? Aide »: a few lines at most (`check` warns past [`HELP_MAX_CHARS`](crate::core::model::HELP_MAX_CHARS)).",
        "La réponse courte à « que choisir ? », montrée d'abord par « ? Aide » : quelques lignes au plus (`check` avertit au-delà de 320 caractères).",
    ),
    ("The title of that outcome.", "Le titre de cette issue."),
    (
        "The unit of the question, e.g. « agents (ETP) ».",
        "L'unité de la question, par exemple « agents (ETP) ».",
    ),
    (
        "The verdict it would lead to; absent when it needs more answers.",
        "Le verdict auquel elle mènerait ; absent quand il faut d'autres réponses.",
    ),
    (
        "The version of aiguillage that wrote the file.",
        "La version d'aiguillage qui a écrit le fichier.",
    ),
    (
        "The version of this JSON form: 1. It changes only when a key changes meaning or goes away (new keys may appear without it), so a program can refuse a format it does not know.",
        "La version de cette forme JSON : 1. Elle ne change que si une clé change de sens ou disparaît (de nouvelles clés peuvent apparaître sans elle), si bien qu'un programme peut refuser un format qu'il ne connaît pas.",
    ),
    (
        "Title shown to the user.",
        "Le titre montré à l'utilisateur.",
    ),
    (
        "Upper bound, excluded. Absent: no upper bound.",
        "Borne supérieure, exclue. Absente : pas de borne supérieure.",
    ),
    (
        "Version of the content (bumped when a result can change).",
        "La version du contenu (augmentée quand un résultat peut changer).",
    ),
    (
        "What a finding asks of the user.",
        "Ce qu'un constat demande à l'utilisateur.",
    ),
    (
        "What the answer implies, when the questionnaire says.",
        "Ce que la réponse implique, quand le questionnaire le dit.",
    ),
    (
        "What the answers were given against, written by `--save-answers` and read back to say what changed since. Absent in older files.",
        "Ce avec quoi les réponses ont été données, écrit par `--save-answers` et relu pour dire ce qui a changé depuis. Absent des fichiers plus anciens.",
    ),
    (
        "What this answer implies, in one sentence (shown under « Pourquoi ? »).",
        "Ce que cette réponse implique, en une phrase (montrée sous « Pourquoi ? »).",
    ),
    (
        "When the other answer leads to a question the answers do not answer: its id. The result then depends on other answers.",
        "Quand l'autre réponse mène à une question sans réponse : son identifiant. Le résultat dépend alors d'autres réponses.",
    ),
    (
        "Where a path ends: the verdict and what to do.",
        "Là où un chemin se termine : le verdict et ce qu'il faut faire.",
    ),
    (
        "`guide` or `guide/chapter`.",
        "`guide` ou `guide/chapitre`.",
    ),
    (
        "`number` and `tally` questions: half-open ranges `[min, below)`.",
        "Questions `number` et `tally` : plages semi-ouvertes `[min, below)`.",
    ),
    (
        "`number` questions: the unit, e.g. « agents (ETP) ».",
        "Questions `number` : l'unité, par exemple « agents (ETP) ».",
    ),
    (
        "`tally` questions: the `yes_no` questions whose « oui » answers are counted. Each must be asked on every path that leads to the tally; only the answers given on the path so far count.",
        "Questions `tally` : les questions `yes_no` dont les réponses « oui » sont comptées. Chacune doit être posée sur tous les chemins qui mènent au décompte ; seules comptent les réponses déjà données sur le chemin.",
    ),
    (
        "`text` questions: where to go once answered.",
        "Questions `text` : où aller une fois la réponse donnée.",
    ),
    (
        "`yes_no` and `choice` questions.",
        "Questions `yes_no` et `choice`.",
    ),
    (
        "A rule of consistency that no finding carries: on every path where all of `when` hold, none of `excludes` may hold and every `requires` must. Tests are written as in [`Finding::excludes`]. Proved by `check`.",
        "Une règle de cohérence qu'aucun constat ne porte : sur chaque chemin où tous les tests de `when` tiennent, aucun de `excludes` ne doit tenir et chacun de `requires` doit tenir. Les tests s'écrivent comme dans `excludes` d'un constat. Prouvée par `check`.",
    ),
    (
        "A short paragraph: what it means for the user, and why. One text, or sentences of which some hold only on some paths ([`Conditional`]).",
        "Un court paragraphe : ce que le résultat veut dire pour l'utilisateur, et pourquoi. Un texte, ou des phrases dont certaines ne valent que sur certains chemins.",
    ),
    (
        "A text shown only where its conditions hold: a next step, a sentence of a summary. Written as a string (always shown) or as a table `{ text = \"…\", when = \"finding:a | finding:b\", unless = \"finding:c\" }`. Conditions name findings, the outcome or the verdict (`finding:ID`, `outcome:ID`, `verdict:V`), never an answer: a decision's texts follow from its findings.",
        "Un texte montré seulement là où ses conditions tiennent : une prochaine étape, une phrase d'un résumé. Écrit comme une chaîne (toujours montré) ou comme une table `{ text = \"…\", when = \"finding:a | finding:b\", unless = \"finding:c\" }`. Les conditions nomment des constats, l'issue ou le verdict (`finding:ID`, `outcome:ID`, `verdict:V`), jamais une réponse : les textes d'une décision découlent de ses constats.",
    ),
    (
        "An obligation that another answer would add or take away.",
        "Une obligation qu'une autre réponse ajouterait ou retirerait.",
    ),
    (
        "Another answer to a question of the path, and where it would lead with every other answer kept: another outcome, other obligations, or a question not answered yet (★ JSON contract, `what_would_change`).",
        "Une autre réponse à une question du chemin, et où elle mènerait, toutes les autres réponses restant les mêmes : une autre issue, d'autres obligations, ou une question encore sans réponse (contrat de la décision JSON, `what_would_change`).",
    ),
    (
        "Concrete steps, in order; a step may hold only on some paths ([`Conditional`]).",
        "Les étapes concrètes, dans l'ordre ; une étape peut ne valoir que sur certains chemins.",
    ),
    ("Its articles.", "Ses articles."),
    (
        "Its short line (or its text, when it has none).",
        "Sa ligne courte (ou son texte, quand il n'en a pas).",
    ),
    (
        "Never asked: routes on the findings of the path so far, by its `choices`: the first whose `when` holds, else the last, which has none. Where the law joins two answers given far apart (a partial secret, then full automation), the tree routes on the finding the first one established instead of asking again.",
        "Jamais posée : oriente d'après les constats réunis sur le chemin jusqu'ici, par ses `choices` : le premier dont le `when` tient, sinon le dernier, qui n'en a pas. Là où le droit joint deux réponses données loin l'une de l'autre (un secret partiel, puis une décision entièrement automatisée), l'arbre oriente sur le constat que la première a établi au lieu de reposer la question.",
    ),
    (
        "Not shown when one of these tests holds.",
        "Pas montré quand l'un de ces tests tient.",
    ),
    (
        "Rules of consistency no single finding carries, proved on every path by `check` (see [`Rule`]).",
        "Les règles de cohérence qu'aucun constat ne porte seul, prouvées sur chaque chemin par `check`.",
    ),
    (
        "Shown only when one of these tests holds.",
        "Montré seulement quand l'un de ces tests tient.",
    ),
    (
        "Tests that must all hold for the rule to apply.",
        "Les tests qui doivent tous tenir pour que la règle s'applique.",
    ),
    ("The finding's id.", "L'identifiant du constat."),
    (
        "The obligations of this decision the other answer would take away.",
        "Les obligations de cette décision que l'autre réponse retirerait.",
    ),
    (
        "The obligations the other answer would add (its outcome reached).",
        "Les obligations que l'autre réponse ajouterait (une fois son issue atteinte).",
    ),
    (
        "The table form of a [`Conditional`].",
        "La forme en table d'un texte conditionnel.",
    ),
    ("The text of that question.", "Le texte de cette question."),
    (
        "What this finding contradicts: tests (`finding:ID`, `says:TEXT`, `outcome:ID`, `verdict:V`, `answer:Q=V`, each with `|` for « or ») none of which may hold on a path that shows it. Legal knowledge declared beside the finding (« publishing is optional » excludes « Publiez la fiche »), proved on every path by `check`; the engine never reads it.",
        "Ce que ce constat contredit : des tests (`finding:ID`, `says:TEXTE`, `outcome:ID`, `verdict:V`, `answer:Q=V`, chacun avec `|` pour « ou ») dont aucun ne doit tenir sur un chemin qui le montre. Un savoir juridique déclaré à côté du constat (« publier est facultatif » exclut « Publiez la fiche »), prouvé sur chaque chemin par `check` ; le moteur ne le lit jamais.",
    ),
    (
        "What this finding presupposes: tests that must all hold on every path that shows it (« for a State service » needs the path to have established that the body is the State). Proved by `check`.",
        "Ce que ce constat suppose : des tests qui doivent tous tenir sur chaque chemin qui le montre (« pour un service de l'État » suppose que le chemin a établi que l'organisme est l'État). Prouvé par `check`.",
    ),
    (
        "Why, in a sentence: shown with each contradiction found.",
        "Pourquoi, en une phrase : montré avec chaque contradiction trouvée.",
    ),
    (
        "`switch` questions: the findings (`finding:ID | finding:ID`) that select this choice; absent on the last choice, taken otherwise.",
        "Questions `switch` : les constats (`finding:ID | finding:ID`) qui font prendre ce choix ; absent sur le dernier choix, pris sinon.",
    ),
];
