//! The words of the web pages, in French and English (the legal content
//! stays in French). Words the terminal already has are taken from
//! [`Texts`](crate::text::i18n::Texts).

crate::text::i18n::messages! {
    fn tagline() {
        fr: "Assistant de décision pour les organismes publics : ouverture des données, transparence des algorithmes, publication des codes sources.",
        en: "Decision assistant for French public bodies: open data, algorithm transparency, source code publication.",
    }
    fn skip() { fr: "Aller au contenu", en: "Skip to content" }
    fn nav_label() { fr: "Pages", en: "Pages" }
    fn start_over() { fr: "Recommencer", en: "Start over" }
    fn inventory() { fr: "Inventaire", en: "Inventory" }
    fn glossary() { fr: "Glossaire", en: "Glossary" }
    fn intro() {
        fr: "Répondez aux questions : l'assistant conclut par ce que la loi vous demande, ce qu'elle vous permet, pourquoi (l'article) et le guide à lire. Rien n'est enregistré sur le serveur : vos réponses sont dans l'adresse de la page, que vous pouvez garder ou envoyer.",
        en: "Answer the questions: the assistant ends with what the law asks of you, what it allows, why (the article) and the guide to read. Nothing is stored on the server: your answers are in the address of the page, which you can keep or send.",
    }
    fn progress(number: usize, at_most: usize) {
        fr: "Question {number} sur {at_most} au plus",
        en: "Question {number} of at most {at_most}",
    }
    fn continue_button() { fr: "Continuer", en: "Continue" }
    fn change_button() { fr: "Enregistrer ce changement", en: "Save this change" }
    fn cancel_edit() { fr: "Annuler : garder la réponse actuelle", en: "Cancel: keep the current answer" }
    fn answer_required() {
        fr: "Donnez une réponse avant de continuer.",
        en: "Give an answer to continue.",
    }
    fn number_hint() {
        fr: "Un nombre, par exemple 1 200 ou 12,5.",
        en: "A number, for example 1,200 or 12.5.",
    }
    fn number_hint_unit(unit: &str) {
        fr: "En {unit}, par exemple 1 200 ou 12,5.",
        en: "In {unit}, for example 1,200 or 12.5.",
    }
    fn text_hint() {
        fr: "Texte libre : il sert aux documents, pas au résultat.",
        en: "Free text: used in the documents, not for the result.",
    }
    fn review_link() { fr: "Vérifier ou modifier vos réponses", en: "Check or change your answers" }
    fn change_link() { fr: "Modifier", en: "Change" }
    fn see_decision() { fr: "Voir la décision", en: "See the decision" }
    fn go_on() { fr: "Reprendre les questions", en: "Go on with the questions" }
    fn review_empty() { fr: "Aucune réponse pour l'instant.", en: "No answer yet." }
    fn computed() { fr: "calculé", en: "worked out" }
    fn dropped_after() {
        fr: "Si l'une de ces questions revient, elle vous sera posée de nouveau.",
        en: "If one of these questions comes back, it will be asked again.",
    }
    fn brief_heading() { fr: "L'essentiel", en: "In brief" }
    fn all_detail() { fr: "Tout le détail", en: "Full detail" }
    fn more_in_detail(count: usize) {
        fr: "… et {count} autre(s) point(s) dans « Tout le détail ».",
        en: "… and {count} more in « Full detail ».",
    }
    fn share_heading() { fr: "Garder, partager, reprendre", en: "Keep, share, resume" }
    fn share_intro() {
        fr: "L'adresse de cette page contient toutes vos réponses : gardez-la dans vos favoris ou envoyez-la, elle redonne cette décision. Le serveur ne garde rien.",
        en: "The address of this page holds all your answers: bookmark it or send it, it gives this decision again. The server keeps nothing.",
    }
    fn permalink() { fr: "Lien de cette décision", en: "Link to this decision" }
    fn downloads() { fr: "Télécharger", en: "Download" }
    fn download_answers() { fr: "le fichier de réponses (JSON, pour aiguillage --answers)", en: "the answers file (JSON, for aiguillage --answers)" }
    fn download_json() { fr: "la décision en JSON", en: "the decision as JSON" }
    fn download_markdown() { fr: "la décision en Markdown", en: "the decision as Markdown" }
    fn download_report() { fr: "le rapport (HTML, imprimable)", en: "the report (HTML, printable)" }
    fn documents_link() { fr: "Les documents que la décision appelle", en: "The documents the decision calls for" }
    fn resume_heading() { fr: "Reprendre un fichier de réponses", en: "Resume from an answers file" }
    fn resume_label() { fr: "Fichier de réponses (JSON)", en: "Answers file (JSON)" }
    fn resume_button() { fr: "Reprendre", en: "Resume" }
    fn documents_title() { fr: "Documents", en: "Documents" }
    fn documents_intro() {
        fr: "Les brouillons que cette décision appelle, en français. Donnez les informations ci-dessous pour les compléter : elles vont dans l'adresse, comme vos réponses, et nulle part ailleurs. Ce qui manque reste « [à compléter : …] ».",
        en: "The drafts this decision calls for, in French. Give the information below to complete them: it goes into the address, like your answers, and nowhere else. What is missing stays as a placeholder to complete.",
    }
    fn documents_none() {
        fr: "Cette décision n'appelle pas de brouillon ; son rapport reste disponible.",
        en: "This decision calls for no draft; its report is still available.",
    }
    fn fields_heading() { fr: "Informations pour les documents", en: "Information for the documents" }
    fn fields_button() { fr: "Mettre à jour les documents", en: "Update the documents" }
    fn files_heading() { fr: "Fichiers", en: "Files" }
    fn missing_fields(count: usize) {
        fr: "{count} information(s) restent à compléter dans les documents.",
        en: "{count} piece(s) of information remain to complete in the documents.",
    }
    fn back_to_decision() { fr: "Revenir à la décision", en: "Back to the decision" }
    fn inventory_intro() {
        fr: "Décidez tout un inventaire d'un coup : un fichier CSV (une ligne d'en-tête qui nomme les questions, puis un cas par ligne) ou JSONL (un fichier de réponses par ligne), comme pour aiguillage batch. Le fichier est lu puis oublié : rien n'est gardé.",
        en: "Decide a whole inventory at once: a CSV file (a header row naming the questions, then one case per row) or JSONL (one answers file per line), as for aiguillage batch. The file is read then forgotten: nothing is kept.",
    }
    fn inventory_file(limit: &str) {
        fr: "Fichier d'inventaire (au plus {limit})",
        en: "Inventory file (at most {limit})",
    }
    fn inventory_show() { fr: "Décider et afficher le bilan", en: "Decide and show the summary" }
    fn inventory_csv() { fr: "Décider et télécharger le CSV", en: "Decide and download the CSV" }
    fn inventory_results() { fr: "Bilan de l'inventaire", en: "Inventory summary" }
    fn inventory_errors() { fr: "Cas non décidés", en: "Cases not decided" }
    fn inventory_more(count: usize) {
        fr: "… et {count} autre(s), dans le CSV.",
        en: "… and {count} more, in the CSV.",
    }
    fn inventory_again() {
        fr: "Pour le résultat de chaque cas, envoyez le même fichier avec « Décider et télécharger le CSV » : la colonne « error » porte l'erreur de chaque ligne.",
        en: "For the result of each case, send the same file with « Decide and download the CSV »: the « error » column holds the error of each row.",
    }
    fn line(line: u64) { fr: "Ligne {line}", en: "Line {line}" }
    fn no_file() { fr: "Choisissez un fichier à envoyer.", en: "Choose a file to send." }
    fn bad_upload() {
        fr: "l'envoi n'a pas pu être lu : un formulaire avec un fichier est attendu",
        en: "the upload could not be read: a form with a file is expected",
    }
    fn error_title() { fr: "Réponses à corriger", en: "Answers to correct" }
    fn error_intro() {
        fr: "L'assistant ne peut pas utiliser ces réponses :",
        en: "The assistant cannot use these answers:",
    }
    fn not_found_title() { fr: "Page introuvable", en: "Page not found" }
    fn not_found() {
        fr: "Cette adresse ne mène à aucune page de l'assistant.",
        en: "This address leads to no page of the assistant.",
    }
    fn method_title() { fr: "Méthode non acceptée", en: "Method not allowed" }
    fn method() {
        fr: "Cette page se lit (GET) ; seules la page d'accueil (un fichier de réponses) et l'inventaire (un fichier) acceptent un envoi (POST).",
        en: "This page is read (GET); only the home page (an answers file) and the inventory (a file) accept a POST.",
    }
    fn too_big_title() { fr: "Envoi trop gros", en: "Upload too large" }
    fn too_big(limit: &str) {
        fr: "L'envoi dépasse {limit}, la limite de ce serveur.",
        en: "The upload is over {limit}, the limit of this server.",
    }
    fn timeout_title() { fr: "Délai dépassé", en: "Time limit passed" }
    fn timeout() {
        fr: "La requête a pris trop de temps (envoi trop lent ou trop long).",
        en: "The request took too long (an upload too slow or too long).",
    }
    fn internal_title() { fr: "Erreur inattendue", en: "Unexpected error" }
    fn internal() {
        fr: "L'assistant a rencontré une erreur inattendue ; vos réponses sont toujours dans l'adresse.",
        en: "The assistant met an unexpected error; your answers are still in the address.",
    }
    fn not_on_path(id: &str) {
        fr: "« {id} » n'est pas une question posée sur le parcours de ces réponses",
        en: "« {id} » is not a question asked on the path of these answers",
    }
    fn unknown_file(file: &str) {
        fr: "« {file} » n'est pas un document de cette décision",
        en: "« {file} » is not a document of this decision",
    }
    fn incomplete() {
        fr: "les réponses ne mènent pas encore à une décision : répondez d'abord aux questions",
        en: "the answers do not lead to a decision yet: answer the questions first",
    }
    fn back_home() { fr: "Revenir à la première question", en: "Back to the first question" }
    fn listening(url: &str) {
        fr: "aiguillage serve : {url}",
        en: "aiguillage serve: {url}",
    }
    fn not_loopback() {
        fr: "cette adresse n'est pas la boucle locale ; les autres machines du réseau peuvent joindre le serveur, sans chiffrement ni authentification. Placez-le derrière un mandataire inverse en HTTPS (voir docs/serve.md).",
        en: "this address is not loopback; other machines of the network can reach the server, with neither encryption nor authentication. Put it behind a reverse proxy over HTTPS (see docs/serve.md).",
    }
    fn stop_hint() {
        fr: "Ctrl-C pour arrêter. Le serveur ne garde rien et ne journalise aucune réponse.",
        en: "Ctrl-C to stop. The server keeps nothing and logs no answer.",
    }
    fn cannot_listen(addr: &str, why: &str) {
        fr: "impossible d'écouter sur {addr} : {why}",
        en: "cannot listen on {addr}: {why}",
    }
}
