//! The command line (★ contract): every flag defined once, here; `--help`,
//! the man page and the shell completions all come from these definitions.

use std::path::PathBuf;

pub use crate::text::i18n::Lang;
pub use crate::tools::schema::SchemaKind;
use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Codes de sortie :
  0    une décision a été affichée (ou la commande a réussi)
  1    erreur inattendue, sortie impossible à écrire, réponses non enregistrées
  2    mauvaise utilisation ou entrée invalide (réponses, questionnaire)
  129  terminal fermé pendant une session (SIGHUP)
  130  interrompu (Ctrl-C)
  131  arrêté pendant une session (SIGQUIT)
  143  arrêté pendant une session (SIGTERM)
Exception : « aiguillage diff » sort avec 1 quand le contenu change
quelque chose (comme diff), 0 sinon.

Exemples :
  aiguillage                                   session interactive
  aiguillage --answers cas.json                décision à partir d'un fichier de réponses
  aiguillage --answers cas.json --format json  la décision en JSON
  aiguillage --answers cas.json --format link  le lien du guide recommandé
  aiguillage questions --skeleton              un fichier de réponses à remplir
  aiguillage batch inventaire.csv              tout un inventaire (CSV ou JSONL)
  aiguillage documents --answers cas.json --out brouillons/
                                               les documents que la décision appelle";

const DIFF_AFTER_HELP: &str = "\
Codes de sortie (comme diff, une exception au contrat général) :
  0    aucun chemin ne change
  1    au moins un chemin change d'issue, de verdict ou de constats
  2    mauvaise utilisation ou questionnaire invalide";

/// Assistant de décision pour les organismes publics : données, algorithmes,
/// codes sources. Il pose les questions que soulève la loi et conclut par
/// ce que vous devez faire, ce que vous pouvez faire, pourquoi (l'article)
/// et le guide Etalab à lire.
#[derive(Debug, Parser)]
#[command(name = "aiguillage", version, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub run: RunArgs,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Options that every command takes.
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// Questionnaire(s) à utiliser au lieu de ceux intégrés : un fichier
    /// .toml ou un dossier (répétable).
    #[arg(long = "questionnaire", value_name = "CHEMIN", global = true)]
    pub questionnaires: Vec<PathBuf>,

    /// Couleurs : auto (selon le terminal, NO_COLOR et CLICOLOR_FORCE),
    /// always ou never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Langue de l'interface (le contenu juridique reste en français).
    /// Par défaut : d'après LANG.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
}

/// Options of the main command: run a session or evaluate answers.
#[derive(Debug, Args, Clone, Default)]
pub struct RunArgs {
    /// Fichier de réponses JSON (« - » pour l'entrée standard). Les
    /// questions sans réponse sont posées si un terminal est disponible.
    #[arg(short, long, value_name = "FICHIER")]
    pub answers: Option<PathBuf>,

    /// Questionnaire de départ (par défaut : celui du fichier de réponses,
    /// sinon « accueil »).
    #[arg(long, value_name = "ID")]
    pub start: Option<String>,

    /// Format de la décision.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Ne jamais poser de question : échouer en nommant la première
    /// réponse manquante.
    #[arg(long)]
    pub no_input: bool,

    /// Enregistrer les réponses données dans ce fichier (aussi sur Ctrl-C),
    /// pour reprendre avec --answers, avec les versions des questionnaires
    /// et l'empreinte du contenu qui a décidé.
    #[arg(long, value_name = "FICHIER")]
    pub save_answers: Option<PathBuf>,

    /// Mode simple : choix numérotés, sans flèches ni réaffichage (lecteurs
    /// d'écran, terminaux limités). Aussi avec TERM=dumb ou ACCESSIBLE=1.
    #[arg(long)]
    pub plain: bool,

    /// Refuser (code 2) un fichier de réponses enregistré avec d'autres
    /// versions des questionnaires, au lieu d'avertir.
    #[arg(long)]
    pub strict: bool,

    /// La décision en entier : constats complets, notes, réserves sur les
    /// textes, tous les guides et ce qui changerait le résultat (par
    /// défaut, une décision brève ; le Markdown et le JSON sont toujours
    /// complets).
    #[arg(long)]
    pub detail: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Texte lisible, avec couleurs si le terminal le permet.
    #[default]
    Text,
    /// La décision complète en JSON (format stable, voir README).
    Json,
    /// Markdown, pour un ticket ou une note.
    Markdown,
    /// Seulement le lien du guide à lire d'abord (avec --detail : ceux de
    /// tous les guides de la décision, un par ligne).
    Link,
    /// Une page HTML autonome et imprimable (en français, comme les
    /// documents).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// `--lang fr|en`. The type lives in the leaf that owns the interface
/// strings; its command-line form is defined here, with the rest of clap.
impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &[Lang::Fr, Lang::En]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ListFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Mermaid,
    Dot,
}

/// `schema questionnaire|answers|decision`, for the formats of [`crate::tools::schema`].
impl ValueEnum for SchemaKind {
    fn value_variants<'a>() -> &'a [Self] {
        &SchemaKind::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    Jsonl,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchInput {
    Jsonl,
    Csv,
}

/// `,`, `;` or `tab` (also a literal tab).
fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ => Err(format!("« {s} » : , ; ou tab")),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Les guides du catalogue et leurs liens (ou le lien d'un guide).
    Guides {
        /// Un guide ou un chapitre (ex. « algorithmes/mention ») : n'affiche
        /// que son lien.
        id: Option<String>,
        #[arg(short, long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Toutes les questions, leurs identifiants et les valeurs permises :
    /// la référence pour écrire un fichier de réponses.
    Questions {
        /// Questionnaire (par défaut : tous ; avec --skeleton : « accueil »,
        /// qui mène aux autres).
        questionnaire: Option<String>,
        /// Format de la liste (text ou json).
        #[arg(short, long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Affiche un fichier de réponses à remplir (JSON) : chaque question
        /// que le questionnaire peut poser, avec une valeur « <…> » à
        /// remplacer par votre réponse. Supprimez les questions que votre cas
        /// ne pose pas : une valeur « <…> » oubliée est refusée, avec la
        /// liste des valeurs permises.
        #[arg(long)]
        skeleton: bool,
    },
    /// Vérifie des questionnaires (par défaut : ceux intégrés) : chaque
    /// erreur et avertissement avec son fichier, sa ligne et sa colonne.
    /// Code de sortie 2 s'il y a une erreur.
    Check {
        /// Fichiers ou dossiers à vérifier.
        files: Vec<PathBuf>,
        /// Format du rapport (json : pour les éditeurs et l'intégration
        /// continue).
        #[arg(short, long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Avertir pour une référence juridique vérifiée (`checked`) il y a
        /// plus de JOURS jours.
        #[arg(long, value_name = "JOURS", default_value_t = crate::core::freshness::STALE_AFTER_DAYS)]
        stale_after: u32,
        /// La date du jour pour --stale-after (AAAA-MM-JJ ; par défaut,
        /// celle de l'horloge) : pour un résultat qui ne dépend pas du jour.
        #[arg(long, value_name = "DATE")]
        today: Option<crate::core::date::Date>,
        /// Les données LEGI d'un code, au format du paquet npm
        /// @socialgouv/legi-data (data/LEGITEXT….json ; répétable) : chaque
        /// article cité de ce code dont le lien vise une version passée,
        /// abrogée ou inconnue de ces données est signalé.
        #[arg(long, value_name = "FICHIER")]
        legi: Vec<PathBuf>,
    },
    /// Tous les chemins d'un questionnaire, avec leur issue et leurs constats.
    Paths {
        /// Questionnaire (par défaut : « accueil », qui mène aux autres).
        questionnaire: Option<String>,
        /// Format de la liste (json : chaque chemin avec ses réponses, prêtes
        /// pour un fichier de réponses).
        #[arg(short, long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Dessine un questionnaire (Mermaid ou Graphviz DOT).
    Graph {
        /// Questionnaire (par défaut : tous, reliés entre eux).
        questionnaire: Option<String>,
        /// Format du dessin.
        #[arg(short, long, value_enum, default_value_t = GraphFormat::Mermaid)]
        format: GraphFormat,
    },
    /// Le schéma JSON des questionnaires, des fichiers de réponses (pour
    /// la validation dans les éditeurs) ou de la décision JSON (pour les
    /// programmes qui la lisent).
    Schema {
        /// Le format de fichier.
        #[arg(value_enum)]
        kind: SchemaKind,
    },
    /// Décide tout un inventaire : une ligne JSONL (un fichier de réponses)
    /// ou une ligne CSV (en-tête : les identifiants des questions) par cas,
    /// un enregistrement par cas sur la sortie standard, dans l'ordre. Un
    /// cas non décidé n'arrête pas le traitement : son enregistrement porte
    /// l'erreur, et le code de sortie est 2 à la fin.
    Batch {
        /// Fichiers à lire (« - » ou rien : l'entrée standard).
        files: Vec<PathBuf>,
        /// Format de sortie : jsonl (un enregistrement compact par ligne),
        /// json (la décision complète de chaque cas, une par ligne) ou csv.
        #[arg(short, long, value_enum, default_value_t = BatchFormat::Jsonl)]
        format: BatchFormat,
        /// Format d'entrée (par défaut : d'après l'extension du fichier,
        /// sinon d'après son premier caractère).
        #[arg(long, value_enum)]
        input: Option<BatchInput>,
        /// Séparateur des colonnes CSV : « , », « ; » ou « tab » (par
        /// défaut : détecté d'après l'en-tête).
        #[arg(long, value_parser = parse_delimiter)]
        delimiter: Option<u8>,
    },
    /// Ce qu'un changement de contenu change pour ceux qui s'en servent :
    /// chaque chemin dont l'issue, le verdict ou les constats changent
    /// entre deux copies des questionnaires (par exemple une ancienne
    /// extraction du dépôt et l'actuelle), groupé par changement, avec les
    /// réponses qui y mènent.
    #[command(after_help = DIFF_AFTER_HELP)]
    Diff {
        /// L'ancienne version : un fichier .toml ou un dossier de
        /// questionnaires.
        #[arg(value_name = "ANCIEN")]
        old: PathBuf,
        /// La nouvelle version : un fichier .toml ou un dossier.
        #[arg(value_name = "NOUVEAU")]
        new: PathBuf,
        /// Format du rapport (json : pour l'intégration continue).
        #[arg(short, long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Écrit dans un dossier les documents que la décision appelle
    /// (mention explicite, fiche d'inventaire, publiccode.yml…) et son
    /// rapport HTML. Les champs à compléter sont posés dans un terminal ;
    /// sinon, ils restent « [à compléter : …] » et sont listés.
    Documents(DocumentsArgs),
    /// Un serveur web local sur les mêmes arbres : les questions et la
    /// décision dans un navigateur, une décision par adresse (les réponses
    /// sont dans l'adresse : le serveur ne garde rien). Écoute sur la
    /// boucle locale par défaut ; voir docs/serve.md pour un intranet.
    Serve(ServeArgs),
    /// Script de complétion pour un shell.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// La page de manuel (roff).
    Man,
}

/// `aiguillage serve`.
#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// Adresse et port d'écoute. Une autre adresse que 127.0.0.1 ou ::1
    /// ouvre le serveur aux autres machines du réseau : voir docs/serve.md.
    #[arg(long, value_name = "ADRESSE", default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Journaliser chaque requête sur la sortie d'erreur : méthode, page,
    /// statut et durée, jamais les réponses (ni l'adresse complète, ni le
    /// contenu d'un envoi).
    #[arg(long)]
    pub log: bool,
}

/// `aiguillage documents`.
#[derive(Debug, Args, Clone)]
pub struct DocumentsArgs {
    /// Fichier de réponses JSON (« - » pour l'entrée standard), avec
    /// éventuellement ses champs libres (« fields »).
    #[arg(short, long, value_name = "FICHIER")]
    pub answers: PathBuf,
    /// Dossier où écrire les documents (créé s'il n'existe pas).
    #[arg(short, long, value_name = "DOSSIER")]
    pub out: PathBuf,
    /// Remplacer les fichiers qui existent déjà.
    #[arg(long)]
    pub force: bool,
    /// Ne rien demander, même dans un terminal : un champ manquant reste
    /// « [à compléter : …] ».
    #[arg(long)]
    pub no_input: bool,
    /// Mode simple pour les questions (voir l'aide principale).
    #[arg(long)]
    pub plain: bool,
    /// Format de la liste des fichiers écrits (text ou json).
    #[arg(short, long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
